package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.internal.GlobalSettings;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@link BackonTesting#assertRetried} and {@code assertNotRetried}: the tries they count, the
 * failures they report and the arguments they reject.
 */
class BackonTestingAssertRetriedTest extends BackonTestingFixture {

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
}
