package io.backon.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scopes of {@link BackonTesting}: {@code disableRetries}, {@code limitRetries} and {@code
 * removeBackoff}, each undone when its scope closes.
 */
class BackonTestingScopesTest extends BackonTestingFixture {

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
}
