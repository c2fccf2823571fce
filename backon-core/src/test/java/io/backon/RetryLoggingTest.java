package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.CallCounter;
import io.backon.testfixtures.CapturedLog;
import io.backon.testfixtures.CapturedLog.Line;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.testing.TestScope;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the engine writes to the {@code System.Logger} named {@code io.backon}, which by default
 * routes to {@code java.util.logging}.
 */
class RetryLoggingTest {

  private static final String TARGET = "PaymentClient.charge";

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final CallCounter calls = new CallCounter();
  private CapturedLog log;

  @BeforeEach
  void captureTheBackonLogger() {
    log = CapturedLog.attach();
  }

  @AfterEach
  void restoreTheBackonLogger() {
    log.close();
  }

  // ---------------------------------------------------------------------------- back-off

  @Test
  void aRetryLogsAtInfoTheTargetTheAttemptAndTheWait() throws Exception {
    RetryPolicy policy = policy("payments", 2).wait(Wait.constant(Duration.ofSeconds(2))).build();

    Retrying.of(policy).call(Invocation.of(TARGET, 42), calls.succeedingOnTry(2));

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("INFO");
      assertThat(line.message()).contains(TARGET, "attempt 1", "2s");
      assertThat(line.thrown()).isNull();
    });
  }

  @Test
  void theBackoffLineSaysWhatFailedAndNamesThePolicy() throws Exception {
    RetryPolicy policy = policy("payments", 2).wait(Wait.constant(Duration.ofMillis(1_500))).build();

    Retrying.of(policy).call(Invocation.of(TARGET), calls.succeedingOnTry(2));

    assertThat(log.lines()).extracting(Line::message).containsExactly(
        "Retrying PaymentClient.charge in 1.5s after attempt 1 failed with "
            + "java.io.IOException: try 1 failed [policy payments]");
  }

  @Test
  void eachRetryLogsItsOwnAttemptNumber() throws Exception {
    Retrying.of(policy("payments", 3).build())
        .call(Invocation.of(TARGET), calls.succeedingOnTry(3));

    assertThat(log.lines()).extracting(Line::message).satisfiesExactly(
        first -> assertThat(first).contains("after attempt 1 "),
        second -> assertThat(second).contains("after attempt 2 "));
  }

  @Test
  void aRejectedValueIsNamedInTheBackoffLine() throws Exception {
    RetryPolicy policy = policy("payments", 2).retryIfResult(value -> value == null).build();
    AtomicInteger tries = new AtomicInteger();

    Retrying.of(policy).call(Invocation.of(TARGET),
        () -> tries.incrementAndGet() == 1 ? null : "paid");

    assertThat(log.lines()).singleElement().extracting(Line::message).asString()
        .contains("after attempt 1 returned rejected value null");
  }

  @Test
  void withoutAnInvocationTheLambdasDeclaringClassNamesTheTarget() throws Exception {
    Callable<String> target = calls.succeedingOnTry(2);
    Retrying.of(policy("payments", 2).build()).call(() -> target.call()); // a lambda of this class

    assertThat(log.lines()).singleElement().extracting(Line::message).asString()
        .startsWith("Retrying io.backon.RetryLoggingTest (lambda) in ");
  }

  @Test
  void theBackoffLevelIsConfigurable() throws Exception {
    RetryPolicy policy = policy("payments", 2).backoffLogLevel(System.Logger.Level.DEBUG).build();

    Retrying.of(policy).call(Invocation.of(TARGET), calls.succeedingOnTry(2));

    assertThat(log.lines()).extracting(Line::level).containsExactly("FINE");
  }

  @Test
  void backoffLogLevelOffSilencesTheBackoffLine() throws Exception {
    RetryPolicy policy = policy("payments", 3).backoffLogLevel(System.Logger.Level.OFF).build();

    Retrying.of(policy).call(Invocation.of(TARGET), calls.succeedingOnTry(3));

    assertThat(calls).hasValue(3);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void aCallThatSucceedsAtOnceLogsNothing() throws Exception {
    Retrying.of(policy("payments", 3).build())
        .call(Invocation.of(TARGET), calls.succeedingOnTry(1));

    assertThat(log.lines()).isEmpty();
  }

  // ----------------------------------------------------------------------------- give-up

  @Test
  void givingUpLogsAtSevereWithTheFailureAttached() {
    IOException last = new IOException("card service down");
    RetryPolicy policy = policy("payments", 2).backoffLogLevel(System.Logger.Level.OFF).build();

    assertThatThrownBy(
        () -> Retrying.of(policy).call(Invocation.of(TARGET), calls.failingWith(last)))
        .isSameAs(last);

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("SEVERE");
      assertThat(line.thrown()).isSameAs(last);
      assertThat(line.message()).isEqualTo("Giving up on PaymentClient.charge after 2 attempts "
          + "(max tries reached) failed with java.io.IOException: card service down "
          + "[policy payments]");
    });
  }

  @Test
  void givingUpOnANonRetryableFailureSaysSoInTheSingular() {
    IllegalStateException bug = new IllegalStateException("bug");
    RetryPolicy policy = policy("payments", 3).retryOn(IOException.class).build();

    assertThatThrownBy(
        () -> Retrying.of(policy).call(Invocation.of(TARGET), calls.failingWith(bug)))
        .isSameAs(bug);

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("SEVERE");
      assertThat(line.message()).startsWith(
          "Giving up on PaymentClient.charge after 1 attempt (not retryable) failed with "
              + "java.lang.IllegalStateException: bug");
      assertThat(line.thrown()).isSameAs(bug);
    });
  }

  @Test
  void givingUpOnARejectedValueLogsWithoutAThrowable() {
    RetryPolicy policy = policy("payments", 2)
        .retryIfResult(value -> value == null)
        .backoffLogLevel(System.Logger.Level.OFF)
        .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> null))
        .isInstanceOf(RetriesExhaustedException.class);

    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("SEVERE");
      assertThat(line.message()).contains("returned rejected value null");
      assertThat(line.thrown()).isNull();
    });
  }

  @Test
  void giveUpLogLevelOffSilencesTheGiveUpLine() {
    RetryPolicy policy = policy("payments", 2).giveUpLogLevel(System.Logger.Level.OFF).build();

    assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET),
        calls.failingWith(new IOException("down")))).isInstanceOf(IOException.class);

    assertThat(log.lines()).extracting(Line::level).containsExactly("INFO");
  }

  @Test
  void bothLevelsOffMakeAFailingCallSilent() {
    RetryPolicy policy = policy("payments", 3)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(calls.failingWith(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(3);
    assertThat(log.lines()).isEmpty();
  }

  // ------------------------------------------------------------------- fast-retry warning

  @Test
  void sixTriesWithoutWaitingLogExactlyOneFastRetryWarningNamingThePolicy() throws Exception {
    RetryPolicy policy = quiet("hammer", 6).wait(Wait.none()).build();

    Retrying.of(policy).call(Invocation.of(TARGET), calls.succeedingOnTry(6));

    assertThat(calls).hasValue(6);
    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("WARNING");
      assertThat(line.message()).contains("5 times less than 100 ms apart", "'hammer'", TARGET);
    });
  }

  @Test
  void theFastRetryWarningIsLoggedOncePerCallHoweverLongItHammers() {
    RetryPolicy policy = quiet("hammer", 20).wait(Wait.none()).build();

    assertThatThrownBy(() -> Retrying.of(policy).call(calls.failingWith(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(20);
    assertThat(log.lines()).filteredOn(line -> line.message().contains("100 ms apart")).hasSize(1);
  }

  @Test
  void theFastRetryWarningIsLoggedOnceForEachCall() throws Exception {
    Retrying retrying = Retrying.of(quiet("hammer", 6).wait(Wait.none()).build());

    retrying.call(calls.succeedingOnTry(6));
    calls.set(0);
    retrying.call(calls.succeedingOnTry(6));

    assertThat(log.lines()).extracting(Line::level).containsExactly("WARNING", "WARNING");
  }

  @Test
  void fourQuickRetriesAreNoReasonToWarn() throws Exception {
    Retrying.of(quiet("hammer", 5).wait(Wait.none()).build()).call(calls.succeedingOnTry(5));

    assertThat(calls).hasValue(5);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void retriesAtLeast100MillisecondsApartAreNoReasonToWarn() throws Exception {
    RetryPolicy policy = quiet("patient", 8).wait(Wait.constant(Duration.ofMillis(100))).build();

    Retrying.of(policy).call(calls.succeedingOnTry(8));

    assertThat(log.lines()).isEmpty();
  }

  @Test
  void retriesMadeQuickByRemoveBackoffAreNoReasonToWarn() throws Exception {
    RetryPolicy policy = quiet("patient", 8).wait(Wait.constant(Duration.ofSeconds(1))).build();

    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      Retrying.of(policy).call(calls.succeedingOnTry(8));
    }

    assertThat(sleeper.sleeps()).hasSize(7).containsOnly(Duration.ZERO);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void theIteratorFaceWarnsAboutFastRetriesToo() throws Exception {
    Attempts<String> attempts = Retrying.of(quiet("hammer", 6).wait(Wait.none()).build())
        .attempts(Invocation.of(TARGET));
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() < 6) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("ok");
      }
    }
    attempts.result();

    assertThat(log.lines()).singleElement().extracting(Line::message).asString()
        .contains("'hammer'", "5 times less than 100 ms apart");
  }

  // ------------------------------------------------------------------ throwing listener

  @Test
  void aThrowingListenerIsLoggedAtWarningAndTheCallStillReturnsItsValue() throws Exception {
    IllegalStateException broken = new IllegalStateException("listener broke");
    RetryPolicy policy = quiet("payments", 3)
        .onAttempt(event -> {
          throw broken;
        })
        .build();

    String value = Retrying.of(policy).call(() -> "paid");

    assertThat(value).isEqualTo("paid");
    assertThat(log.lines()).singleElement().satisfies(line -> {
      assertThat(line.level()).isEqualTo("WARNING");
      assertThat(line.thrown()).isSameAs(broken);
      assertThat(line.message()).contains("ATTEMPT", "'payments'", "threw; the call goes on");
    });
  }

  @Test
  void aThrowingListenerDoesNotStopTheOtherListenersNorTheRetries() throws Exception {
    AtomicInteger successes = new AtomicInteger();
    RetryPolicy policy = quiet("payments", 3)
        .onBackoff(event -> {
          throw new IllegalStateException("listener broke");
        })
        .onSuccess(event -> successes.incrementAndGet())
        .build();

    String value = Retrying.of(policy).call(calls.succeedingOnTry(3));

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    assertThat(successes).hasValue(1);
    assertThat(log.lines()).extracting(Line::level).containsExactly("WARNING", "WARNING");
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
}
