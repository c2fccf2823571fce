package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
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
import org.junit.jupiter.api.Test;

/**
 * The fast-retry warning: a call making 5 retries less than 100 ms apart is worth a WARNING naming
 * the policy, at most once per policy per minute (on the policy's clock), counting the calls each
 * warning covers, so an outage cannot flood the log.
 */
class FastRetryWarningTest {

  private static final String TARGET = "PaymentClient.charge";

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final AtomicInteger calls = new AtomicInteger();
  private final CapturedLog log = CapturedLog.attach();

  @AfterEach
  void detachLog() {
    log.close();
  }

  @Test
  void sixTriesWithoutWaitingLogOneWarningNamingThePolicyAndTheTarget() throws Exception {
    Retrying.of(hammering("hammer", 6)).call(Invocation.of(TARGET), succeedingOnTry(6));

    assertThat(calls).hasValue(6);
    assertThat(log.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.retry");
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message())
                  .isEqualTo(
                      "Policy 'hammer' has retried PaymentClient.charge "
                          + "5 times less than 100 ms apart (1 call so far); this hammers the downstream. Use a "
                          + "growing wait such as Wait.expo() or fewer tries. Logged at most once a minute per "
                          + "policy.");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void aCallIsWarnedAboutOnceHoweverLongItHammers() {
    assertThatThrownBy(() -> Retrying.of(hammering("hammer", 20)).call(failing()))
        .isInstanceOf(IOException.class);

    assertThat(calls).hasValue(20);
    assertThat(log.lines()).hasSize(1);
  }

  @Test
  void anOutageWithinAMinuteLogsOneWarning() throws Exception {
    Retrying retrying = Retrying.of(hammering("hammer", 6));

    for (int call = 0; call < 1_000; call++) {
      calls.set(0);
      retrying.call(succeedingOnTry(6));
      clock.advance(Duration.ofMillis(59));
    }

    assertThat(log.lines()).hasSize(1);
  }

  @Test
  void aMinuteLaterTheNextWarningCountsTheCallsItCovers() throws Exception {
    Retrying retrying = Retrying.of(hammering("hammer", 6));
    for (int call = 0; call < 37; call++) {
      calls.set(0);
      retrying.call(Invocation.of(TARGET), succeedingOnTry(6));
      clock.advance(Duration.ofSeconds(1));
    }
    clock.advance(Duration.ofSeconds(60 - 37));

    calls.set(0);
    retrying.call(Invocation.of(TARGET), succeedingOnTry(6));

    assertThat(log.lines())
        .extracting(Line::message)
        .satisfiesExactly(
            first -> assertThat(first).contains("(1 call so far)"),
            second -> assertThat(second).contains("(37 calls in the last 1m)"));
  }

  @Test
  void justUnderAMinuteIsStillCountedNotLogged() throws Exception {
    Retrying retrying = Retrying.of(hammering("hammer", 6));
    retrying.call(succeedingOnTry(6));
    clock.advance(Duration.ofSeconds(60).minusNanos(1));

    calls.set(0);
    retrying.call(succeedingOnTry(6));

    assertThat(log.lines()).hasSize(1);
  }

  @Test
  void eachPolicyHasItsOwnMinute() throws Exception {
    Retrying.of(hammering("hammer", 6)).call(succeedingOnTry(6));
    calls.set(0);
    Retrying.of(hammering("pounder", 6)).call(succeedingOnTry(6));

    assertThat(log.lines())
        .extracting(Line::message)
        .satisfiesExactly(
            first -> assertThat(first).startsWith("Policy 'hammer' "),
            second -> assertThat(second).startsWith("Policy 'pounder' "));
  }

  @Test
  void policiesOfOneNameShareTheirMinute() throws Exception {
    Retrying.of(hammering("hammer", 6)).call(succeedingOnTry(6));
    calls.set(0);
    Retrying.of(hammering("hammer", 8)).call(succeedingOnTry(6));
    clock.advance(Duration.ofMinutes(1));
    calls.set(0);
    Retrying.of(hammering("hammer", 6)).call(succeedingOnTry(6));

    assertThat(log.lines())
        .extracting(Line::message)
        .satisfiesExactly(
            first -> assertThat(first).contains("(1 call so far)"),
            second -> assertThat(second).contains("(2 calls in the last 1m)"));
  }

  @Test
  void fourQuickRetriesAreNoReasonToWarn() throws Exception {
    Retrying.of(hammering("hammer", 5)).call(succeedingOnTry(5));

    assertThat(calls).hasValue(5);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void retriesAtLeast100MillisecondsApartAreNoReasonToWarn() throws Exception {
    RetryPolicy policy = quiet("patient", 8).wait(Wait.constant(Duration.ofMillis(100))).build();

    Retrying.of(policy).call(succeedingOnTry(8));

    assertThat(log.lines()).isEmpty();
  }

  @Test
  void retriesMadeQuickByRemoveBackoffAreNoReasonToWarn() throws Exception {
    RetryPolicy policy = quiet("patient", 8).wait(Wait.constant(Duration.ofSeconds(1))).build();

    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      Retrying.of(policy).call(succeedingOnTry(8));
    }

    assertThat(sleeper.sleeps()).hasSize(7).containsOnly(Duration.ZERO);
    assertThat(log.lines()).isEmpty();
  }

  @Test
  void theIteratorFaceWarnsAboutFastRetriesToo() throws Exception {
    Attempts<String> attempts = Retrying.of(hammering("hammer", 6)).attempts(Invocation.of(TARGET));
    for (Attempt<String> attempt : attempts) {
      if (attempt.number() < 6) {
        attempt.fail(new IOException("down"));
      } else {
        attempt.succeed("ok");
      }
    }
    attempts.result();

    assertThat(log.lines())
        .singleElement()
        .extracting(Line::message)
        .asString()
        .contains("'hammer'", "5 times less than 100 ms apart");
  }

  @Test
  void aBrokenLogHandlerNeverBreaksAHammeringCall() throws Exception {
    log.breakPublishing();

    assertThat(Retrying.of(hammering("hammer", 6)).call(succeedingOnTry(6))).isEqualTo("paid");
    assertThat(log.lines()).hasSize(1);
  }

  // ------------------------------------------------------------------------------ helpers

  /** A policy retrying at once, its own back-off and give-up lines off. */
  private RetryPolicy hammering(String name, int maxTries) {
    return quiet(name, maxTries).wait(Wait.none()).build();
  }

  private RetryPolicyBuilder quiet(String name, int maxTries) {
    return RetryPolicy.builder()
        .name(name)
        .maxTries(maxTries)
        .jitter(Jitter.none())
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  private Callable<String> failing() {
    return () -> {
      calls.incrementAndGet();
      throw new IOException("down");
    };
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
