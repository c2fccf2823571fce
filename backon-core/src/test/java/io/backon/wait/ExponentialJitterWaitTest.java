package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialJitterWaitTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  @Test
  void exponentialJitterAddsUpToOneSecondToADoublingWaitByDefault() {
    Wait wait = Wait.exponentialJitter();
    TestRetryState state = new TestRetryState();

    for (int attempt = 1; attempt <= 6; attempt++) {
      long base = SECOND << (attempt - 1);
      for (int i = 0; i < 50; i++) {
        assertThat(wait.nextWaitNanos(state.attempt(attempt)))
            .as("after attempt %d", attempt)
            .isBetween(base, base + SECOND);
      }
    }
  }

  @Test
  void exponentialJitterCapsTheExponentialPartButStillAddsJitter() {
    Wait wait = Wait.exponentialJitter();
    TestRetryState state = TestRetryState.afterAttempt(10_000);

    for (int i = 0; i < 200; i++) {
      assertThat(wait.nextWaitNanos(state)).isBetween(60 * SECOND, 61 * SECOND);
    }
  }

  @Test
  void exponentialJitterWithoutJitterIsPlainExponential() {
    Wait wait =
        Wait.exponentialJitter(Duration.ofSeconds(1), Duration.ofSeconds(5), 3.0, Duration.ZERO);

    assertThat(WaitSequences.waits(wait, 4))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5));
  }

  @Test
  void exponentialJitterRejectsInvalidArguments() {
    assertThatThrownBy(
            () ->
                Wait.exponentialJitter(
                    Duration.ofSeconds(1), Duration.ofSeconds(60), 1.0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expBase must be > 1 but was 1.0");
    assertThatThrownBy(
            () ->
                Wait.exponentialJitter(
                    Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitter must be >= 0 but was PT-1S");
    assertThatThrownBy(
            () -> Wait.exponentialJitter(null, Duration.ofSeconds(60), 2.0, Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("initial");
  }

  @Test
  void exponentialJitterDescribesItselfAndIsAValue() {
    assertThat(Wait.exponentialJitter())
        .hasToString("exponentialJitter(initial=PT1S, max=PT1M, expBase=2.0, jitter=PT1S)")
        .isEqualTo(
            Wait.exponentialJitter(
                Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, Duration.ofSeconds(1)));
  }
}
