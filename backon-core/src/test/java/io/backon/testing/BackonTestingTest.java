package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.internal.GlobalSettings;
import io.backon.stop.Stop;
import io.backon.testfixtures.CallCounter;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackonTestingTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final CallCounter calls = new CallCounter();

  @BeforeEach
  void startWithNothingOverridden() {
    GlobalSettings.update(o -> GlobalSettings.NONE);
  }

  @AfterEach
  void everyScopeRestoredWhatItChanged() {
    GlobalSettings left = GlobalSettings.current();
    GlobalSettings.update(o -> GlobalSettings.NONE);
    assertThat(left).as("settings left behind by the test").isEqualTo(GlobalSettings.NONE);
  }

  // ------------------------------------------------------------------------- disableRetries

  @Test
  void disableRetriesMakesAFailingCallRunOnceAndThrowItsFailure() {
    IOException failure = new IOException("down");
    Retrying retrying = Retrying.of(policy(5));

    try (TestScope disabled = BackonTesting.disableRetries()) {
      assertThatThrownBy(() -> retrying.call(calls.failingWith(failure))).isSameAs(failure);
    }

    assertThat(calls).hasValue(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void disableRetriesEndsWhenItsScopeCloses() {
    Retrying retrying = Retrying.of(policy(5));
    try (TestScope disabled = BackonTesting.disableRetries()) {
      assertThatThrownBy(() -> retrying.call(calls.failingWith(new IOException("down"))));
    }
    calls.set(0);

    assertThatThrownBy(() -> retrying.call(calls.failingWith(new IOException("down"))));

    assertThat(calls).hasValue(5);
  }

  @Test
  void disableRetriesIsVisibleThroughRetriesIsEnabled() {
    try (TestScope disabled = BackonTesting.disableRetries()) {
      assertThat(Retries.isEnabled()).isFalse();
      assertThat(Retrying.of(policy(3)).isEnabled()).isFalse();
    }

    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void closingADisableScopeLeavesRetriesDisableInForce() {
    Retries.disable();
    try {
      BackonTesting.disableRetries().close();

      assertThat(Retries.isEnabled()).isFalse();
    } finally {
      Retries.enable();
    }
  }

  // -------------------------------------------------------------------------- limitRetries

  @Test
  void limitRetriesCapsAFiveTryPolicyAtTwo() {
    try (TestScope limited = BackonTesting.limitRetries(2)) {
      assertThatThrownBy(
              () -> Retrying.of(policy(5)).call(calls.failingWith(new IOException("down"))))
          .isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(2);
  }

  @Test
  void limitRetriesLeavesAOneTryPolicyAtOne() {
    try (TestScope limited = BackonTesting.limitRetries(2)) {
      assertThatThrownBy(
              () -> Retrying.of(policy(1)).call(calls.failingWith(new IOException("down"))))
          .isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(1);
  }

  @Test
  void limitRetriesCapsAPolicyThatWouldRetryForever() {
    RetryPolicy forever = quiet().stop(Stop.never()).wait(Wait.none()).build();

    try (TestScope limited = BackonTesting.limitRetries(3)) {
      assertThatThrownBy(
              () -> Retrying.of(forever).call(calls.failingWith(new IOException("down"))))
          .isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(3);
  }

  @Test
  void limitRetriesAlsoCapsTheIteratorFace() throws Exception {
    int attempts = 0;
    try (TestScope limited = BackonTesting.limitRetries(2)) {
      Attempts<String> loop = Retrying.of(policy(5)).attempts();
      for (Attempt<String> attempt : loop) {
        attempts++;
        attempt.fail(new IOException("down " + attempt.number()));
      }
      assertThatThrownBy(loop::result).hasMessage("down 2");
    }

    assertThat(attempts).isEqualTo(2);
  }

  @Test
  void limitRetriesRejectsZeroWithTheRule() {
    assertThatThrownBy(() -> BackonTesting.limitRetries(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTries must be >= 1 but was 0");
  }

  // ------------------------------------------------------------------------- removeBackoff

  @Test
  void removeBackoffMakesEverySleepZeroWithTheSameNumberOfTries() {
    RetryPolicy slow =
        quiet()
            .maxTries(3)
            .wait(Wait.constant(Duration.ofSeconds(30)))
            .jitter(Jitter.none())
            .build();

    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      assertThatThrownBy(() -> Retrying.of(slow).call(calls.failingWith(new IOException("down"))))
          .isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(3);
    assertThat(sleeper.sleeps()).containsExactly(Duration.ZERO, Duration.ZERO);
    assertThat(clock.elapsed()).isZero();
  }

  @Test
  void removeBackoffAlsoZeroesAWaitOverride() {
    RetryPolicy retryAfter =
        quiet().maxTries(2).waitOverride(failure -> Duration.ofMinutes(5)).build();

    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      assertThatThrownBy(
              () -> Retrying.of(retryAfter).call(calls.failingWith(new IOException("429"))))
          .isInstanceOf(IOException.class);
    }

    assertThat(sleeper.sleeps()).containsExactly(Duration.ZERO);
  }

  @Test
  void waitsComeBackWhenTheRemoveBackoffScopeCloses() {
    RetryPolicy slow =
        quiet()
            .maxTries(2)
            .wait(Wait.constant(Duration.ofSeconds(30)))
            .jitter(Jitter.none())
            .build();
    BackonTesting.removeBackoff().close();

    assertThatThrownBy(() -> Retrying.of(slow).call(calls.failingWith(new IOException("down"))))
        .isInstanceOf(IOException.class);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  // ------------------------------------------------------------------------------- nesting

  @Test
  void nestedLimitScopesEachRestoreTheirOwnLimit() {
    Retrying retrying = Retrying.of(policy(5));
    try (TestScope outer = BackonTesting.limitRetries(4)) {
      try (TestScope inner = BackonTesting.limitRetries(2)) {
        assertThat(triesOf(retrying)).isEqualTo(2);
      }
      assertThat(triesOf(retrying)).isEqualTo(4);
    }
    assertThat(triesOf(retrying)).isEqualTo(5);
  }

  @Test
  void closingAnInnerScopeRestoresOnlyTheSettingItChanged() {
    RetryPolicy slow =
        quiet()
            .maxTries(5)
            .wait(Wait.constant(Duration.ofSeconds(10)))
            .jitter(Jitter.none())
            .build();
    Retrying retrying = Retrying.of(slow);

    try (TestScope noWaits = BackonTesting.removeBackoff();
        TestScope limited = BackonTesting.limitRetries(3)) {
      try (TestScope disabled = BackonTesting.disableRetries()) {
        assertThat(triesOf(retrying)).isEqualTo(1);
      }
      assertThat(triesOf(retrying)).isEqualTo(3);
      assertThat(sleeper.sleeps()).containsOnly(Duration.ZERO);
    }
  }

  @Test
  void closingAScopeTwiceIsHarmless() {
    Retrying retrying = Retrying.of(policy(5));
    try (TestScope outer = BackonTesting.limitRetries(4)) {
      TestScope inner = BackonTesting.limitRetries(2);
      inner.close();
      inner.close();

      assertThat(triesOf(retrying)).isEqualTo(4);
    }
    assertThat(triesOf(retrying)).isEqualTo(5);
  }

  @Test
  void closingADisableScopeTwiceDoesNotReEnableAnOuterOne() {
    try (TestScope outer = BackonTesting.disableRetries()) {
      TestScope inner = BackonTesting.disableRetries();
      inner.close();
      inner.close();

      assertThat(Retries.isEnabled()).isFalse();
    }
    assertThat(Retries.isEnabled()).isTrue();
  }

  @Test
  void closingScopesOutOfOrderLeavesNoLimitBehind() {
    TestScope outer = BackonTesting.limitRetries(5);
    TestScope inner = BackonTesting.limitRetries(2);
    outer.close();
    inner.close();

    // observed: inner restores the 5 that outer had set, so a cap of 5 tries stays JVM-wide
    int leaked = GlobalSettings.current().maxTriesLimit();
    if (leaked != 0) {
      GlobalSettings.update(o -> o.withMaxTriesLimit(0)); // do not poison other tests
    }
    assertThat(leaked).as("limit left after every scope closed").isZero();
  }

  @Test
  void closingDisableScopesOutOfOrderReEnablesRetries() {
    TestScope outer = BackonTesting.disableRetries();
    TestScope inner = BackonTesting.disableRetries();
    outer.close();
    inner.close();

    boolean leaked = GlobalSettings.current().scopedDisabled();
    if (leaked) {
      GlobalSettings.update(o -> o.withScopedDisabled(false));
    }
    assertThat(leaked).as("retries still disabled after every scope closed").isFalse();
  }

  // ------------------------------------------------------------------------- assertRetried

  @Test
  void assertRetriedPassesAndReturnsTheCountWhenThreeTriesHappen() {
    Retrying retrying = Retrying.of(policy(5));

    int tries = BackonTesting.assertRetried(() -> retrying.call(calls.succeedingOnTry(3)), 3);

    assertThat(tries).isEqualTo(3);
  }

  @Test
  void assertRetriedRemovesTheBackoffWhileItRuns() {
    RetryPolicy slow =
        quiet()
            .maxTries(5)
            .wait(Wait.constant(Duration.ofMinutes(1)))
            .jitter(Jitter.none())
            .build();

    BackonTesting.assertRetried(() -> Retrying.of(slow).call(calls.succeedingOnTry(3)), 3);

    assertThat(sleeper.sleeps()).containsExactly(Duration.ZERO, Duration.ZERO);
  }

  @Test
  void assertRetriedCountsTriesOfACallThatGivesUp() {
    Retrying retrying = Retrying.of(policy(3));

    int tries =
        BackonTesting.assertRetried(
            () -> retrying.call(calls.failingWith(new IOException("down"))), 3);

    assertThat(tries).isEqualTo(3);
  }

  @Test
  void assertRetriedReportsExpectedAndActualTriesWithTheCodesFailureAsCause() {
    IllegalStateException failure = new IllegalStateException("not retryable");
    RetryPolicy ioOnly = quiet().maxTries(5).retryOn(IOException.class).build();

    AssertionError error =
        catchThrowableOfType(
            () ->
                BackonTesting.assertRetried(
                    () -> Retrying.of(ioOnly).call(calls.failingWith(failure)), 3),
            AssertionError.class);

    assertThat(error).hasMessage("Expected 3 tries, got 1");
    assertThat(error.getCause()).isSameAs(failure);
  }

  @Test
  void assertRetriedHasNoCauseWhenTheCodeSucceededWithTheWrongCount() {
    Retrying retrying = Retrying.of(policy(5));

    AssertionError error =
        catchThrowableOfType(
            () -> BackonTesting.assertRetried(() -> retrying.call(calls.succeedingOnTry(1)), 3),
            AssertionError.class);

    assertThat(error).hasMessage("Expected 3 tries, got 1").hasNoCause();
  }

  @Test
  void assertRetriedSaysTryInTheSingular() {
    Retrying retrying = Retrying.of(policy(5));

    assertThatThrownBy(
            () -> BackonTesting.assertRetried(() -> retrying.call(calls.succeedingOnTry(2)), 1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected 1 try, got 2");
  }

  @Test
  void assertRetriedCountsZeroWhenTheCodeNeverGoesThroughBackon() {
    assertThatThrownBy(() -> BackonTesting.assertRetried(() -> "direct", 2))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected 2 tries, got 0");
  }

  @Test
  void assertRetriedKeepsAnAssertionErrorOfTheCodeAsCause() {
    AssertionError inner = new AssertionError("inner check failed");

    AssertionError error =
        catchThrowableOfType(
            () ->
                BackonTesting.assertRetried(
                    () -> {
                      throw inner;
                    },
                    1),
            AssertionError.class);

    assertThat(error).hasMessage("Expected 1 try, got 0");
    assertThat(error.getCause()).isSameAs(inner);
  }

  @Test
  void assertRetriedCountsAttemptsOfTheIteratorFace() {
    int tries =
        BackonTesting.assertRetried(
            () -> {
              Attempts<String> loop = Retrying.of(policy(5)).attempts();
              for (Attempt<String> attempt : loop) {
                if (attempt.number() < 4) {
                  attempt.fail(new IOException("down"));
                } else {
                  attempt.succeed("ok");
                }
              }
              return loop.result();
            },
            4);

    assertThat(tries).isEqualTo(4);
  }

  @Test
  void assertRetriedCountsAttemptsMadeOnOtherThreads() {
    Retrying retrying = Retrying.of(policy(5));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      int tries =
          BackonTesting.assertRetried(
              () -> executor.submit(() -> retrying.call(calls.succeedingOnTry(2))).get(), 2);

      assertThat(tries).isEqualTo(2);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void assertRetriedAddsUpTheTriesOfSeveralCalls() {
    Retrying retrying = Retrying.of(policy(5));

    int tries =
        BackonTesting.assertRetried(
            () -> {
              retrying.call(() -> "first");
              calls.set(0);
              return retrying.call(calls.succeedingOnTry(2));
            },
            3);

    assertThat(tries).isEqualTo(3);
  }

  @Test
  void assertRetriedRestoresTheSettingsEvenWhenItFails() {
    assertThatThrownBy(() -> BackonTesting.assertRetried(() -> "direct", 1))
        .isInstanceOf(AssertionError.class);

    assertThat(GlobalSettings.current()).isEqualTo(GlobalSettings.NONE);
  }

  @Test
  void assertRetriedKeepsAnEnclosingRemoveBackoffScopeOpen() {
    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      BackonTesting.assertNotRetried(() -> Retrying.of(policy(3)).call(() -> "ok"));

      assertThat(GlobalSettings.current().noBackoff()).isTrue();
    }
  }

  @Test
  void assertNotRetriedPassesForASingleTry() {
    Retrying retrying = Retrying.of(policy(5));

    assertThatCode(
            () -> BackonTesting.assertNotRetried(() -> retrying.call(calls.succeedingOnTry(1))))
        .doesNotThrowAnyException();
  }

  @Test
  void assertNotRetriedFailsWhenTheCodeRetried() {
    Retrying retrying = Retrying.of(policy(5));

    assertThatThrownBy(
            () -> BackonTesting.assertNotRetried(() -> retrying.call(calls.succeedingOnTry(3))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected 1 try, got 3");
  }

  /**
   * With retries disabled the target still runs once through Backon; the iterator face counts that
   * try (see {@link #assertNotRetriedCountsTheSingleDisabledAttemptOfTheIteratorFace}), so the
   * callable face must too.
   */
  @Test
  void assertNotRetriedCountsTheSingleTryOfADisabledCall() {
    Retrying retrying = Retrying.of(policy(5));

    try (TestScope disabled = BackonTesting.disableRetries()) {
      assertThatCode(
              () ->
                  BackonTesting.assertNotRetried(
                      () -> retrying.call(calls.failingWith(new IOException("down")))))
          .doesNotThrowAnyException();
    }
    assertThat(calls).hasValue(1);
  }

  @Test
  void assertNotRetriedCountsTheSingleDisabledAttemptOfTheIteratorFace() {
    try (TestScope disabled = BackonTesting.disableRetries()) {
      assertThatCode(
              () ->
                  BackonTesting.assertNotRetried(
                      () -> {
                        Attempts<String> loop = Retrying.of(policy(5)).attempts();
                        for (Attempt<String> attempt : loop) {
                          attempt.succeed("ok");
                        }
                        return loop.result();
                      }))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void assertRetriedRejectsANullCodeNamingIt() {
    assertThatThrownBy(() -> BackonTesting.assertRetried(null, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code");
  }

  @Test
  void assertRetriedRejectsZeroExpectedTriesWithTheRule() {
    assertThatThrownBy(() -> BackonTesting.assertRetried(() -> "x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedTries must be >= 1 but was 0");
  }

  @Test
  void assertRetriedValidatesBeforeRunningTheCode() {
    assertThatThrownBy(() -> BackonTesting.assertRetried(() -> calls.incrementAndGet(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expectedTries must be >= 1 but was -1");

    assertThat(calls).hasValue(0);
  }

  // ------------------------------------------------------------------------------- helpers

  private RetryPolicy policy(int maxTries) {
    return quiet().maxTries(maxTries).wait(Wait.none()).build();
  }

  /** A policy on the fake clock that logs nothing, so the build output stays readable. */
  private RetryPolicyBuilder quiet() {
    return RetryPolicy.builder()
        .sleeper(sleeper)
        .clock(clock)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  private int triesOf(Retrying retrying) {
    calls.set(0);
    try {
      retrying.call(calls.failingWith(new IOException("down")));
    } catch (Exception expected) {
      // counted below
    }
    return calls.get();
  }
}
