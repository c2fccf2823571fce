package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
import java.io.IOException;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The give-up line on {@code io.backon.retry}: a failure that reaches the caller is one WARNING
 * line without a stack trace (the stack only while DEBUG is on); a call saved by a fallback ({@link
 * AnsweredGiveUpLoggingTest}) and a call rejected by an open breaker ({@link
 * OpenBreakerGiveUpLoggingTest}) are logged at DEBUG only. The text of each reason: {@link
 * GiveUpReasonTextTest}.
 */
class GiveUpLoggingTest extends GiveUpLoggingFixture {

  // ------------------------------------------------------------------ propagated give-up

  @Test
  void aFailureReachingTheCallerIsOneWarningLineWithoutAStackTrace() {
    IOException last = new IOException("card service down");

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 3).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
        .isSameAs(last);

    assertThat(atInfo.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.retry");
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.thrown()).isNull();
              assertThat(line.message())
                  .isEqualTo(
                      "Giving up on PaymentClient.charge after 3 attempts "
                          + "(max tries reached): java.io.IOException: card service down [policy payments]");
            });
  }

  @Test
  void theStackTraceGoesAlongWhileDebugIsOnForTheRetryLogger() {
    IOException last = new IOException("card service down");

    try (CapturedLog atDebug = CapturedLog.attach("io.backon.retry", Level.FINE)) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy("payments", 2).build())
                      .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
          .isSameAs(last);

      assertThat(atDebug.lines()).extracting(Line::level).containsExactly("FINE", "WARNING");
      assertThat(atDebug.lines().get(1).thrown())
          .as("nothing to cut: the failure itself, so any log format names its class")
          .isSameAs(last);
    }
  }

  @Test
  void aResponseBodyNeverReachesTheLogAlongTheStackTraceEither() {
    String body = "{\"customer\":\"4111 1111 1111 1111\"}";
    IOException cause =
        new IOException("I/O error on GET request for \"http://pay.example/cards?pan=4111\"");
    IllegalStateException last =
        new IllegalStateException("503 Service Unavailable: \"" + body + "\"", cause);
    last.addSuppressed(new IOException("400 Bad Request: " + body));

    try (CapturedLog atDebug = CapturedLog.attach("io.backon.retry", Level.FINE)) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy("payments", 1).build())
                      .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
          .isSameAs(last);

      Throwable logged = atDebug.lines().get(0).thrown();
      java.io.StringWriter printed = new java.io.StringWriter();
      logged.printStackTrace(new java.io.PrintWriter(printed));
      assertThat(printed.toString())
          .startsWith(
              "java.lang.IllegalStateException: 503 Service Unavailable [...]"
                  + System.lineSeparator()
                  + "\tat ")
          .contains(
              "Caused by: java.io.IOException: I/O error on GET request for \"http://pay.example/...\"",
              "Suppressed: java.io.IOException: 400 Bad Request [...]")
          .doesNotContain("4111");
      assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }
  }

  @Test
  void aSingleAttemptInTheSingular() {
    IllegalStateException bug = new IllegalStateException("bug");
    RetryPolicy policy = policy("payments", 3).retryOn(IOException.class).build();

    assertThatThrownBy(
            () -> Retrying.of(policy).call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(bug)))
        .isSameAs(bug);

    assertThat(atInfo.lines())
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (not retryable): "
                + "java.lang.IllegalStateException: bug [policy payments]");
  }

  @Test
  void aResponseBodyInTheMessageNeverReachesTheLog() {
    String body =
        "{\"customer\":\"4111 1111 1111 1111\"," + "\"padding\":\"" + "p".repeat(100_000) + "\"}";
    IOException withBody = new IOException("500 Internal Server Error: " + body);

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 1).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(withBody)))
        .isSameAs(withBody);

    assertThat(atInfo.lines())
        .singleElement()
        .extracting(Line::message)
        .isEqualTo(
            "Giving up on PaymentClient.charge after 1 attempt (max tries reached): "
                + "java.io.IOException: 500 Internal Server Error [...] [policy payments]");
  }

  @Test
  void aMultiLineMessageIsCutToItsFirstLine() {
    IOException multiLine = new IOException("upstream failed\nat line 2\nat line 3");

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 1).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(multiLine)))
        .isSameAs(multiLine);

    assertThat(atInfo.lines())
        .extracting(Line::message)
        .containsExactly(
            "Giving up on PaymentClient.charge after 1 attempt (max tries reached): "
                + "java.io.IOException: upstream failed [...] [policy payments]");
  }

  @Test
  void aRejectedValueIsNamedByItsTypeWithoutAThrowable() {
    RetryPolicy policy = policy("payments", 2).retryIfResult(value -> value == null).build();

    assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> null))
        .isInstanceOf(RetriesExhaustedException.class);

    assertThat(atInfo.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message())
                  .isEqualTo(
                      "Giving up on PaymentClient.charge after 2 attempts "
                          + "(max tries reached): rejected value (null) [policy payments]");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void theGiveUpLevelIsConfigurable() {
    RetryPolicy policy = policy("payments", 1).giveUpLogLevel(System.Logger.Level.ERROR).build();

    assertThatThrownBy(
            () -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(atInfo.lines()).extracting(Line::level).containsExactly("SEVERE");
  }

  @Test
  void giveUpLogLevelOffSilencesTheGiveUpLine() {
    RetryPolicy policy = policy("payments", 2).giveUpLogLevel(System.Logger.Level.OFF).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(IOException.class);

      assertThat(all.lines()).extracting(Line::level).containsExactly("FINE");
    }
  }

  @Test
  void bothLevelsOffMakeAFailingCallSilentEvenAtDebug() {
    RetryPolicy policy =
        policy("payments", 3)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () -> Retrying.of(policy).call(FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(IOException.class);

      assertThat(all.lines()).isEmpty();
    }
  }
}
