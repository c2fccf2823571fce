package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Retry-After} on 429 and 503, in seconds and as an HTTP date, replaces the policy's wait;
 * an answer asking for longer than the cap, or for a wait past the call's deadline, ends the call
 * with that answer (status, headers and body as the server sent them). Blocking clients wait on the
 * policy's sleeper (measured here, never slept); WebClient's waits are in {@link
 * WebClientRetryAfterTest}.
 */
class RetryAfterHeaderTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final ManualSleeper sleeper = new ManualSleeper();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(
      value = ClientKind.class,
      names = {"REST_CLIENT_JDK", "REST_CLIENT_APACHE"})
  void waitsTheSecondsTheServerAsksFor(ClientKind kind) {
    server.script(
        "/quote", Answer.retryAfter(503, "2"), Answer.retryAfter(429, "7"), Answer.of(200));
    HttpContexts.runner(sleeper)
        .withPropertyValues(
            "backon.defaults.wait=constant",
            "backon.defaults.delay=100ms",
            "backon.defaults.jitter=none")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);
                assertThat(sleeper.sleeps())
                    .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(7));
              }
            });
  }

  @ParameterizedTest
  @EnumSource(
      value = ClientKind.class,
      names = {"REST_CLIENT_JDK", "REST_CLIENT_APACHE"})
  void waitsUntilTheDateTheServerNames(ClientKind kind) {
    String inNineSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            sleeper.clock().wallTime().plusSeconds(9).atOffset(ZoneOffset.UTC));
    server.script("/quote", Answer.retryAfter(503, inNineSeconds), Answer.of(200));
    HttpContexts.runner(sleeper)
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);
                assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(9));
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void anAnswerAskingForLongerThanTheCapEndsTheCallWithThatAnswer(ClientKind kind) {
    server.script("/quote", Answer.retryAfter(503, "120"), Answer.of(200));
    HttpContexts.runner(sleeper)
        .withPropertyValues("backon.http.defaults.retry-after-cap=1m")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                Reply reply = client.get(server.uri("/quote"));

                assertThat(reply.status()).isEqualTo(503);
                assertThat(server.hits("/quote")).isEqualTo(1);
                assertThat(sleeper.sleeps()).isEmpty();
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void anAnswerAskingToWaitPastTheDeadlineEndsTheCallWithThatAnswer(ClientKind kind) {
    server.script(
        "/quote",
        new Answer(503, Map.of("Retry-After", "20"), "{\"error\":\"busy\"}"),
        Answer.of(200));
    HttpContexts.runner(sleeper)
        .withPropertyValues("backon.defaults.deadline=10s")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                Reply reply = client.get(server.uri("/quote"));

                assertThat(reply.failure()).isNull();
                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.body()).isEqualTo("{\"error\":\"busy\"}");
                assertThat(server.hits("/quote")).isEqualTo(1);
                assertThat(sleeper.sleeps()).isEmpty();
              }
            });
  }
}
