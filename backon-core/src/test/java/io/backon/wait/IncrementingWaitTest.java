package io.backon.wait;

import static io.backon.wait.WaitSequences.s;
import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IncrementingWaitTest {

  @Test
  void incrementingAddsOneSecondPerAttemptByDefault() {
    assertThat(waits(Wait.incrementing(), 4)).containsExactly(s(1), s(2), s(3), s(4));
  }

  @Test
  void incrementingGrowsLinearlyFromStartUntilTheCap() {
    Wait wait =
        Wait.incrementing(Duration.ofMillis(500), Duration.ofMillis(250), Duration.ofSeconds(1));

    assertThat(waits(wait, 5)).containsExactly(s(0.5), s(0.75), s(1), s(1), s(1));
  }

  @Test
  void incrementingSaturatesInsteadOfOverflowing() {
    Wait wait = Wait.incrementing(Wait.DEFAULT_MAX, Wait.DEFAULT_MAX, Wait.DEFAULT_MAX);

    assertThat(waitAfter(wait, 10_000)).isEqualTo(Long.MAX_VALUE);
    assertThat(waitAfter(Wait.incrementing(), Integer.MAX_VALUE))
        .isEqualTo(Integer.MAX_VALUE * 1_000_000_000L);
  }

  @Test
  void incrementingRejectsInvalidArguments() {
    assertThatThrownBy(
            () ->
                Wait.incrementing(
                    Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("increment must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.incrementing(null, Duration.ofSeconds(1), Duration.ofSeconds(9)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("start");
  }

  @Test
  void incrementingDescribesItselfAndIsAValue() {
    Wait wait =
        Wait.incrementing(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    assertThat(wait).hasToString("incrementing(start=PT1S, increment=PT2S, max=PT30S)");
    assertThat(wait)
        .isEqualTo(
            Wait.incrementing(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30)));
  }
}
