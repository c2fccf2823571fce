package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import org.apache.hc.core5.pool.PoolStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every failed answer's body is released: after 1,000 calls that each fail twice and give up,
 * Apache's pool has no leased connection, and no client opened more than a handful of connections
 * (a leaked answer would pin its connection, forcing a new one per call).
 */
class ConnectionLeakTest {

  private static final int CALLS = 1_000;
  private static final int FEW_CONNECTIONS = 10;

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ApplicationContextRunner failingTwice() {
    return HttpContexts.runner(new ManualSleeper())
        .withPropertyValues(
            "backon.defaults.max-tries=2", "backon.http.defaults.host-circuit-breaker=false");
  }

  @Test
  void apachesPoolHasNoLeasedConnectionAfterAThousandFailingCalls() {
    server.script("/down", Answer.of(503));
    failingTwice()
        .run(
            context -> {
              try (TestHttpClient client = ClientKind.REST_CLIENT_APACHE.open(context)) {
                for (int i = 0; i < CALLS; i++) {
                  assertThat(client.get(server.uri("/down")).status()).isEqualTo(503);
                }
                PoolStats stats = ((ClientKind.Pooled) client).pool().getTotalStats();

                assertThat(stats.getLeased()).isZero();
                assertThat(server.hits("/down")).isEqualTo(2 * CALLS);
                assertThat(server.connections()).isLessThanOrEqualTo(FEW_CONNECTIONS);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = ClientKind.class,
      names = {"REST_CLIENT_JDK", "WEB_CLIENT_NETTY"})
  void aThousandFailingCallsUseAFewConnections(ClientKind kind) {
    server.script("/down", Answer.of(503));
    failingTwice()
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                for (int i = 0; i < CALLS; i++) {
                  assertThat(client.get(server.uri("/down")).status()).isEqualTo(503);
                }

                assertThat(server.hits("/down")).isEqualTo(2 * CALLS);
                assertThat(server.connections()).isLessThanOrEqualTo(FEW_CONNECTIONS);
              }
            });
  }
}
