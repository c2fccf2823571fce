package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A hedging policy sends extra copies only of idempotent requests: a GET races two copies on
 * loopback, a POST (even with an idempotency key, which allows retries) is never hedged.
 */
class HedgingTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static ApplicationContextRunner hedgingRunner() {
    return HttpContexts.runner(new ManualSleeper())
        .withPropertyValues(
            "backon.max-hedges-includes-first=true",
            "backon.policies.hedged.hedging.max-hedges=2",
            "backon.policies.hedged.hedging.delay=0s",
            "backon.http.defaults.policy=hedged");
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aGetIsRacedByTwoCopiesInFlightAtOnce(ClientKind kind) {
    CountDownLatch bothArrived = new CountDownLatch(2);
    server.handle(
        "/slow",
        exchange -> {
          bothArrived.countDown();
          try {
            boolean raced = bothArrived.await(10, TimeUnit.SECONDS);
            LoopbackServer.reply(exchange, Answer.of(raced ? 200 : 500));
          } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
          }
        });
    hedgingRunner()
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/slow")).status()).isEqualTo(200);
                assertThat(server.hits("/slow")).isEqualTo(2);
              }
            });
  }

  @Test
  void theAnswersOfCopiesThatLostTheRaceAreClosed() {
    hedgingRunner()
        .run(
            context -> {
              try (TestHttpClient client = ClientKind.REST_CLIENT_APACHE.open(context)) {
                for (int i = 0; i < 50; i++) {
                  assertThat(client.get(server.uri("/fast")).status()).isEqualTo(200);
                }

                await()
                    .atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                        () ->
                            assertThat(
                                    ((ClientKind.Pooled) client).pool().getTotalStats().getLeased())
                                .isZero());
                assertThat(server.hits("/fast")).isGreaterThan(50);
              }
            });
  }

  @Test
  void aPostRunsUnderThePolicyWithoutItsHedging() {
    hedgingRunner()
        .run(
            context -> {
              HttpResilience resilience = context.getBean(HttpResilience.class);
              URI uri = URI.create("http://127.0.0.1:" + server.port() + "/orders");

              HttpCall get = resilience.plan("GET", uri, null, header -> false, false);
              HttpCall keyedPost =
                  resilience.plan("POST", uri, null, "Idempotency-Key"::equals, false);

              assertThat(get.retrying()).isNotNull();
              assertThat(get.retrying().policy().hedging()).isNotNull();
              assertThat(keyedPost.retrying()).isNotNull();
              assertThat(keyedPost.retrying().policy().hedging()).isNull();
              assertThat(keyedPost.retrying().policy().name()).isEqualTo("hedged");
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aKeyedPostSendsOneCopyPerAttempt(ClientKind kind) {
    server.script("/orders", Answer.of(503), Answer.of(201));
    hedgingRunner()
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(
                        client
                            .send("POST", server.uri("/orders"), Map.of("Idempotency-Key", "o-1"))
                            .status())
                    .isEqualTo(201);
                assertThat(server.hits("/orders")).isEqualTo(2);
              }
            });
  }
}
