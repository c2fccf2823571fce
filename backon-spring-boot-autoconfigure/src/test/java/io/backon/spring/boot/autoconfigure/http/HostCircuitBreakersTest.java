package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerConfig;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One circuit breaker per downstream {@code host:port}: a failing host's breaker opens without
 * touching another host's, recovers on the breakers' clock, and the number of hosts kept is
 * bounded, least recently used dropped.
 */
class HostCircuitBreakersTest {

  private final LoopbackServer failing = LoopbackServer.start();
  private final LoopbackServer healthy = LoopbackServer.start();

  @AfterEach
  void stopServers() {
    failing.close();
    healthy.close();
  }

  private static HostAddress hostOf(LoopbackServer server) {
    return HostAddress.of(server.uri("/"));
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aFailingHostsBreakerOpensAloneAndRecoversOnItsClock(ClientKind kind) {
    failing.script("/quote", Answer.of(503), Answer.of(503), Answer.of(200));
    ManualSleeper sleeper = new ManualSleeper();
    HttpContexts.runner(sleeper)
        .withPropertyValues(
            "backon.circuit-breaker-defaults.failure-threshold=2",
            "backon.circuit-breaker-defaults.recovery-timeout=10s")
        .run(
            context -> {
              HostCircuitBreakers breakers = context.getBean(HttpResilience.class).breakers();
              try (TestHttpClient client = kind.open(context)) {
                Reply rejected = client.get(failing.uri("/quote"));

                assertThat(rejected.rootFailure()).isInstanceOf(CircuitOpenException.class);
                assertThat(failing.hits("/quote")).isEqualTo(2);
                assertThat(breakers.find(hostOf(failing)).map(CircuitBreaker::state))
                    .contains(CircuitState.OPEN);

                assertThat(client.get(healthy.uri("/quote")).status()).isEqualTo(200);
                assertThat(breakers.find(hostOf(healthy)).map(CircuitBreaker::state))
                    .contains(CircuitState.CLOSED);
                assertThat(client.get(failing.uri("/quote")).rootFailure())
                    .isInstanceOf(CircuitOpenException.class);
                assertThat(failing.hits("/quote")).isEqualTo(2);

                sleeper.clock().advance(Duration.ofSeconds(10));
                assertThat(client.get(failing.uri("/quote")).status()).isEqualTo(200);
                assertThat(breakers.find(hostOf(failing)).map(CircuitBreaker::state))
                    .contains(CircuitState.CLOSED);
              }
            });
  }

  @Test
  void aHostsBreakerIsNamedAfterItAndUsesTheTemplateSettings() {
    HttpContexts.runner(new ManualSleeper())
        .withPropertyValues(
            "backon.circuit-breakers.downstreams.failure-threshold=7",
            "backon.http.host-circuit-breaker-template=downstreams")
        .run(
            context -> {
              CircuitBreaker breaker =
                  context
                      .getBean(HttpResilience.class)
                      .breakers()
                      .host(HostAddress.of(URI.create("https://API.example.com/quotes?id=1")))
                      .breaker();

              assertThat(breaker.name()).isEqualTo("api.example.com:443");
              assertThat(breaker.config().failureThreshold()).isEqualTo(7);
            });
  }

  @Test
  void keepsAtMostMaxHostsDroppingTheLeastRecentlyUsed() {
    HostCircuitBreakers breakers =
        new HostCircuitBreakers(CircuitBreakerConfig.defaults(), List.of(), 2);
    HostAddress a = new HostAddress("a.example.com", 443);
    HostAddress b = new HostAddress("b.example.com", 443);
    HostAddress c = new HostAddress("c.example.com", 443);
    CircuitBreaker first = breakers.host(a).breaker();
    CircuitBreaker dropped = breakers.host(b).breaker();
    dropped.forceOpen();
    breakers.host(a);

    breakers.host(c);

    assertThat(breakers.hosts()).containsExactly(a, c);
    assertThat(breakers.host(a).breaker()).isSameAs(first);
    assertThat(breakers.host(b).breaker())
        .isNotSameAs(dropped)
        .extracting(CircuitBreaker::state)
        .isEqualTo(CircuitState.CLOSED);
  }
}
