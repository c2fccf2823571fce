package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The back-off lines of the engine on {@code io.backon.retry} (a retry is not news: DEBUG by
 * default), throwing listeners, and logging that never breaks a call. Give-up lines: {@link
 * GiveUpLoggingTest}; the fast-retry warning: {@link FastRetryWarningTest}.
 */
class RetryLoggingTest {

  private static final String TARGET = "PaymentClient.charge";

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final AtomicInteger calls = new AtomicInteger();
  private final CapturedLog log = CapturedLog.attach();

  @AfterEach
  void detachLog() {
    log.close();
  }

  // ---------------------------------------------------------------------------- back-off

  @Test
  void aRetryIsLoggedAtDebugOnTheRetryLoggerWithTheTargetTheAttemptAndTheWait() throws Exception {
    RetryPolicy policy = policy("payments", 2).wait(Wait.constant(Duration.ofSeconds(2))).build();

    Retrying.of(policy).call(Invocation.of(TARGET, 42), succeedingOnTry(2));

    assertThat(log.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.retry");
              assertThat(line.level()).isEqualTo("FINE");
              assertThat(line.message()).contains(TARGET, "attempt 1", "2s");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void theBackoffLineSaysWhatFailedAndNamesThePolicy() throws Exception {
    RetryPolicy policy =
        policy("payments", 2).wait(Wait.constant(Duration.ofMillis(1_500))).build();

    Retrying.of(policy).call(Invocation.of(TARGET), succeedingOnTry(2));

    assertThat(log.lines())
        .extracting(Line::message)
        .containsExactly(
            "Retrying PaymentClient.charge in 1.5s after attempt 1 failed with "
                + "java.io.IOException: try 1 failed [policy payments]");
  }

  @Test
  void shortWaitsReadInMillisecondsAndMicroseconds() throws Exception {
    RetryPolicy policy =
        policy("payments", 3)
            .wait(Wait.constant(Duration.ofMillis(22), Duration.ofNanos(350_000)))
            .build();

    Retrying.of(policy).call(Invocation.of(TARGET), succeedingOnTry(3));

    assertThat(log.lines())
        .extracting(Line::message)
        .satisfiesExactly(
            first -> assertThat(first).startsWith("Retrying PaymentClient.charge in 22ms "),
            second -> assertThat(second).startsWith("Retrying PaymentClient.charge in 350µs "));
  }

  @Test
  void eachRetryLogsItsOwnAttemptNumber() throws Exception {
    Retrying.of(policy("payments", 3).build()).call(Invocation.of(TARGET), succeedingOnTry(3));

    assertThat(log.lines())
        .extracting(Line::message)
        .satisfiesExactly(
            first -> assertThat(first).contains("after attempt 1 "),
            second -> assertThat(second).contains("after attempt 2 "));
  }

  @Test
  void aRejectedValueIsNamedByItsTypeNeverByItsContent() throws Exception {
    RetryPolicy policy =
        policy("payments", 2)
            .retryIfResult(value -> String.valueOf(value).startsWith("<html>"))
            .build();
    AtomicInteger tries = new AtomicInteger();

    Retrying.of(policy)
        .call(
            Invocation.of(TARGET),
            () -> tries.incrementAndGet() == 1 ? "<html>secret error page</html>" : "paid");

    assertThat(log.lines())
        .singleElement()
        .extracting(Line::message)
        .asString()
        .contains("after attempt 1 returned a rejected value (String)")
        .doesNotContain("secret");
  }

  @Test
  void aRejectedNullIsNamedAsNull() throws Exception {
    RetryPolicy policy = policy("payments", 2).retryIfResult(value -> value == null).build();
    AtomicInteger tries = new AtomicInteger();

    Retrying.of(policy)
        .call(Invocation.of(TARGET), () -> tries.incrementAndGet() == 1 ? null : "paid");

    assertThat(log.lines())
        .singleElement()
        .extracting(Line::message)
        .asString()
        .contains("after attempt 1 returned a rejected value (null)");
  }

  @Test
  void theBackoffLineCarriesOnlyTheFirstLineOfAMessageCutShort() throws Exception {
    IOException withBody =
        new IOException("503 Service Unavailable\n" + "{\"body\":\"" + "z".repeat(10_000) + "\"}");
    FlakyTarget<String> target = FlakyTarget.failingThen("paid", withBody);

    Retrying.of(policy("payments", 2).build()).call(Invocation.of(TARGET), target);

    assertThat(log.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.message())
                  .isEqualTo(
                      "Retrying PaymentClient.charge in 1s after attempt 1 "
                          + "failed with java.io.IOException: 503 Service Unavailable [...] [policy payments]");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void withoutAnInvocationTheLambdasDeclaringClassNamesTheTarget() throws Exception {
    Retrying.of(policy("payments", 2).build()).call(succeedingOnTry(2));

    assertThat(log.lines())
        .singleElement()
        .extracting(Line::message)
        .asString()
        .startsWith("Retrying io.backon.RetryLoggingTest (lambda) in ");
  }

  @Test
  void backoffLinesAreNotWrittenWhileTheRetryLoggerIsAtInfo() throws Exception {
    try (CapturedLog atInfo = CapturedLog.attach("io.backon.retry", Level.INFO)) {
      Retrying.of(policy("payments", 3).build()).call(Invocation.of(TARGET), succeedingOnTry(3));

      assertThat(atInfo.lines()).isEmpty();
    }
    assertThat(calls).hasValue(3);
  }

  @Test
  void theBackoffLevelIsConfigurable() throws Exception {
    RetryPolicy policy = policy("payments", 2).backoffLogLevel(System.Logger.Level.INFO).build();

    Retrying.of(policy).call(Invocation.of(TARGET), succeedingOnTry(2));

    assertThat(log.lines()).extracting(Line::level).containsExactly("INFO");
  }

  @Test
  void backoffLogLevelOffSilencesTheBackoffLine() throws Exception {
    RetryPolicy policy = policy("payments", 3).backoffLogLevel(System.Logger.Level.OFF).build();

    Retrying.of(policy).call(Invocation.of(TARGET), succeedingOnTry(3));

    assertThat(calls).hasValue(3);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void aCallThatSucceedsAtOnceLogsNothing() throws Exception {
    Retrying.of(policy("payments", 3).build()).call(Invocation.of(TARGET), succeedingOnTry(1));

    assertThat(log.lines()).isEmpty();
  }

  // ------------------------------------------------------------------ throwing listener

  @Test
  void aThrowingListenerIsLoggedAtWarningWithItsStackTraceAndTheCallStillReturnsItsValue()
      throws Exception {
    IllegalStateException broken = new IllegalStateException("listener broke");
    RetryPolicy policy =
        quiet("payments", 3)
            .onAttempt(
                event -> {
                  throw broken;
                })
            .build();

    String value = Retrying.of(policy).call(() -> "paid");

    assertThat(value).isEqualTo("paid");
    assertThat(log.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.retry");
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.thrown()).isSameAs(broken);
              assertThat(line.message())
                  .contains("ATTEMPT", "'payments'", "threw; the call goes on");
            });
  }

  @Test
  void aThrowingListenerDoesNotStopTheOtherListenersNorTheRetries() throws Exception {
    AtomicInteger successes = new AtomicInteger();
    RetryPolicy policy =
        quiet("payments", 3)
            .onBackoff(
                event -> {
                  throw new IllegalStateException("listener broke");
                })
            .onSuccess(event -> successes.incrementAndGet())
            .build();

    String value = Retrying.of(policy).call(succeedingOnTry(3));

    assertThat(value).isEqualTo("paid");
    assertThat(calls).hasValue(3);
    assertThat(successes).hasValue(1);
    assertThat(log.lines()).extracting(Line::level).containsExactly("WARNING", "WARNING");
  }

  // ------------------------------------------------------------- logging never throws

  @Test
  void aBrokenLogHandlerNeverBreaksARetriedCall() throws Exception {
    log.breakPublishing();

    String value =
        Retrying.of(policy("payments", 3).build()).call(Invocation.of(TARGET), succeedingOnTry(3));

    assertThat(value).isEqualTo("paid");
    assertThat(log.lines()).hasSize(2);
  }

  @Test
  void aBrokenLogHandlerNeverReplacesTheFailureTheCallerSees() {
    IOException last = new IOException("card service down");
    log.breakPublishing();

    assertThatThrownBy(
            () ->
                Retrying.of(policy("payments", 2).build())
                    .call(Invocation.of(TARGET), FlakyTarget.alwaysFailing(last)))
        .isSameAs(last);
    assertThat(log.lines()).hasSize(2);
  }

  @Test
  void aBrokenLogHandlerNeverBreaksACallWithAThrowingListener() throws Exception {
    log.breakPublishing();
    RetryPolicy policy =
        quiet("payments", 1)
            .onSuccess(
                event -> {
                  throw new IllegalStateException("listener broke");
                })
            .build();

    assertThat(Retrying.of(policy).call(() -> "paid")).isEqualTo("paid");
  }

  @Test
  void aFailureWhoseMessageThrowsIsLoggedByItsClass() throws Exception {
    IOException broken =
        new IOException() {
          @Override
          public String getMessage() {
            throw new IllegalStateException("broken getMessage");
          }
        };

    Retrying.of(policy("payments", 2).build())
        .call(Invocation.of(TARGET), FlakyTarget.failingThen("paid", broken));

    assertThat(log.lines())
        .singleElement()
        .extracting(Line::message)
        .asString()
        .isEqualTo(
            "Retrying PaymentClient.charge in 1s after attempt 1 failed with "
                + broken.getClass().getName()
                + " [policy payments]");
  }

  // ------------------------------------------------------------------------------ helpers

  private RetryPolicyBuilder policy(String name, int maxTries) {
    return RetryPolicy.builder()
        .name(name)
        .maxTries(maxTries)
        .wait(Wait.constant(Duration.ofSeconds(1)))
        .jitter(Jitter.none())
        .sleeper(sleeper)
        .clock(clock);
  }

  /** A policy whose own back-off and give-up lines are off, to watch the other lines alone. */
  private RetryPolicyBuilder quiet(String name, int maxTries) {
    return policy(name, maxTries)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  private Callable<String> succeedingOnTry(int successfulTry) {
    return () -> {
      int call = calls.incrementAndGet();
      if (call < successfulTry) {
        throw new IOException("try " + call + " failed");
      }
      return "paid";
    };
  }
}
