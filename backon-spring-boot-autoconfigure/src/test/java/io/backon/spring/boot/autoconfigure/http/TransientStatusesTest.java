package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Which answers are retried, over real HTTP on loopback, for every client: the transient statuses
 * (429, 502, 503, 504) and I/O failures are, other statuses are not; a call that gives up hands the
 * caller the server's last answer.
 */
class TransientStatusesTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aTransientStatusIsRetriedUntilTheServerAnswers(ClientKind kind) {
    server.script("/quote", Answer.of(503), Answer.of(502), Answer.of(200));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                Reply reply = client.get(server.uri("/quote"));

                assertThat(reply.status()).isEqualTo(200);
                assertThat(server.hits("/quote")).isEqualTo(3);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void tooManyRequestsAndGatewayTimeoutAreRetriedToo(ClientKind kind) {
    server.script("/quote", Answer.of(429), Answer.of(504), Answer.of(200));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);
                assertThat(server.hits("/quote")).isEqualTo(3);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aGivenUpCallHandsTheCallerTheServersLastAnswer(ClientKind kind) {
    server.script("/quote", Answer.of(503));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                Reply reply = client.get(server.uri("/quote"));

                assertThat(reply.status()).isEqualTo(503);
                assertThat(reply.body()).isEqualTo("status 503");
                assertThat(server.hits("/quote")).isEqualTo(3);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void otherClientAndServerErrorsAreNotRetried(ClientKind kind) {
    server.script("/missing", Answer.of(404));
    server.script("/broken", Answer.of(500));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/missing")).status()).isEqualTo(404);
                Reply broken = client.get(server.uri("/broken"));

                assertThat(broken.status()).isEqualTo(500);
                assertThat(broken.body()).isEqualTo("status 500");
                assertThat(server.hits("/missing")).isEqualTo(1);
                assertThat(server.hits("/broken")).isEqualTo(1);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void theRetriedStatusesAreConfigurable(ClientKind kind) {
    server.script("/quote", Answer.of(500), Answer.of(200));
    server.script("/busy", Answer.of(503));
    HttpContexts.runner(new ManualSleeper())
        .withPropertyValues("backon.http.defaults.retry-statuses=500")
        .run(
            context -> {
              try (TestHttpClient client = kind.open(context)) {
                assertThat(client.get(server.uri("/quote")).status()).isEqualTo(200);
                assertThat(client.get(server.uri("/busy")).status()).isEqualTo(503);
                assertThat(server.hits("/quote")).isEqualTo(2);
                assertThat(server.hits("/busy")).isEqualTo(1);
              }
            });
  }

  @ParameterizedTest
  @EnumSource(ClientKind.class)
  void aResetConnectionIsRetriedAndTheLastFailureReachesTheCaller(ClientKind kind)
      throws IOException {
    AtomicInteger attempts = new AtomicInteger();
    try (ResettingServer resetting = ResettingServer.start()) {
      HttpContexts.runner(new ManualSleeper())
          .withBean(
              "countAttempts",
              BackonPolicyCustomizer.class,
              () -> (name, builder) -> builder.onAttempt(event -> attempts.incrementAndGet()))
          .run(
              context -> {
                try (TestHttpClient client = kind.open(context)) {
                  Reply reply = client.get(resetting.uri("/quote"));

                  assertThat(reply.failure()).isNotNull();
                  assertThat(reply.rootFailure()).isInstanceOf(IOException.class);
                  assertThat(attempts).hasValue(3);
                  // the JDK client resends a request once by itself when a connection dies
                  // unanswered
                  assertThat(resetting.connections()).isGreaterThanOrEqualTo(3);
                }
              });
    }
  }
}
