package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.spring.boot.autoconfigure.actuate.BackonActuatorAutoConfiguration;
import io.backon.spring.boot.autoconfigure.actuate.BackonEndpoint;
import io.backon.spring.boot.autoconfigure.actuate.BackonReport;
import io.backon.spring.boot.autoconfigure.actuate.CircuitBreakerDescriptor;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An operator sees each downstream host's breaker in {@code /actuator/backon} beside the named
 * ones, and can move it like them: force a host open during an incident, close it again.
 */
class HostCircuitBreakersInTheEndpointTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ApplicationContextRunner runner() {
    return HttpContexts.runner(new ManualSleeper())
        .withConfiguration(AutoConfigurations.of(BackonActuatorAutoConfiguration.class))
        .withPropertyValues(
            "management.endpoints.web.exposure.include=backon",
            "backon.circuit-breakers.payments.failure-threshold=5",
            "backon.circuit-breaker-defaults.failure-threshold=2");
  }

  private String host() {
    return "127.0.0.1:" + server.port();
  }

  @Test
  void theReportListsEachHostsBreakerApartFromTheNamedOnes() {
    server.script("/quote", Answer.of(503));
    runner()
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);
              assertThat(endpoint.report().hostCircuitBreakers()).isEmpty();

              try (TestHttpClient client = ClientKind.REST_CLIENT_JDK.open(context)) {
                client.get(server.uri("/quote"));
              }
              BackonReport report = endpoint.report();

              assertThat(report.hostCircuitBreakers()).containsOnlyKeys(host());
              assertThat(report.hostCircuitBreakers().get(host()).state()).isEqualTo("OPEN");
              assertThat(report.circuitBreakers()).containsOnlyKeys("payments");
            });
  }

  @Test
  void anOperatorForcesAHostOpenAndClosesItThroughTheEndpoint() {
    server.script("/quote", Answer.of(200));
    runner()
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);
              try (TestHttpClient client = ClientKind.REST_CLIENT_JDK.open(context)) {
                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);

                Object forced = endpoint.transition("circuit-breakers", host(), "open");

                assertThat(forced)
                    .isInstanceOfSatisfying(
                        CircuitBreakerDescriptor.class,
                        breaker -> assertThat(breaker.state()).isEqualTo("FORCED_OPEN"));
                assertThat(client.get(server.uri("/quote")).rootFailure())
                    .isInstanceOf(CircuitOpenException.class);
                assertThat(server.hits("/quote")).isOne();

                endpoint.transition("circuit-breakers", host(), "closed");

                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);
                assertThat(endpoint.entry("circuit-breakers", host()))
                    .isInstanceOfSatisfying(
                        CircuitBreakerDescriptor.class,
                        breaker ->
                            assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED.name()));
              }
            });
  }

  @Test
  void anUnknownBreakerNameListsTheHostsToo() {
    server.script("/quote", Answer.of(200));
    runner()
        .run(
            context -> {
              try (TestHttpClient client = ClientKind.REST_CLIENT_JDK.open(context)) {
                client.get(server.uri("/quote"));
              }

              Object answer =
                  context.getBean(BackonEndpoint.class).entry("circuit-breakers", "nowhere:1");

              assertThat(answer)
                  .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                  .extractingByKey("message")
                  .asString()
                  .contains("payments", host());
            });
  }

  @Test
  void withoutTheHttpIntegrationTheReportHasNoHosts() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                io.backon.spring.boot.autoconfigure.BackonAutoConfiguration.class,
                BackonActuatorAutoConfiguration.class))
        .withPropertyValues("management.endpoints.web.exposure.include=backon")
        .run(
            context ->
                assertThat(context.getBean(BackonEndpoint.class).report().hostCircuitBreakers())
                    .isEqualTo(Map.of()));
  }
}
