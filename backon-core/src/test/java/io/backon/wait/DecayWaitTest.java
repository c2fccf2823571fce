package io.backon.wait;

import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayWaitTest {

  @Test
  void decayShrinksByEToTheMinusNTimesTheFactor() {
    Wait wait = Wait.decay(Duration.ofSeconds(10), 0.5, Duration.ZERO);

    for (int attempt = 1; attempt <= 5; attempt++) {
      long expected = Math.round(10e9 * Math.exp(-(attempt - 1) * 0.5));
      assertThat(waitAfter(wait, attempt)).as("after attempt %d", attempt).isEqualTo(expected);
    }
  }

  @Test
  void decayWithDefaultsStartsAtOneSecondAndDividesByE() {
    assertThat(waits(Wait.decay(), 3))
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofNanos(Math.round(1e9 / Math.E)),
            Duration.ofNanos(Math.round(1e9 * Math.exp(-2))));
  }

  @Test
  void decayNeverFallsBelowItsFloor() {
    Wait wait = Wait.decay(Duration.ofSeconds(10), 1.0, Duration.ofSeconds(2));

    assertThat(waitAfter(wait, 2)).isEqualTo(Math.round(10e9 / Math.E));
    assertThat(waitAfter(wait, 3)).isEqualTo(Duration.ofSeconds(2).toNanos());
    assertThat(waitAfter(wait, 10_000)).isEqualTo(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void decayWithFactorZeroIsConstant() {
    assertThat(waitAfter(Wait.decay(Duration.ofSeconds(3), 0.0, Duration.ZERO), 10_000))
        .isEqualTo(Duration.ofSeconds(3).toNanos());
  }

  @Test
  void decayRejectsInvalidArguments() {
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(1), -0.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decayFactor must be finite and >= 0 but was -0.5");
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(1), Double.NaN, Duration.ZERO))
        .hasMessage("decayFactor must be finite and >= 0 but was NaN");
    assertThatThrownBy(
            () -> Wait.decay(Duration.ofSeconds(1), Double.POSITIVE_INFINITY, Duration.ZERO))
        .hasMessage("decayFactor must be finite and >= 0 but was Infinity");
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(-1), 1.0, Duration.ZERO))
        .hasMessage("initial must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(-1)))
        .hasMessage("min must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initial must be >= min (PT2S) but was PT1S");
    assertThatThrownBy(() -> Wait.decay(Duration.ofSeconds(1), 1.0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("min");
  }

  @Test
  void decayDescribesItselfAndIsAValue() {
    assertThat(Wait.decay()).hasToString("decay(initial=PT1S, decayFactor=1.0, min=PT0S)");
    assertThat(Wait.decay())
        .isEqualTo(Wait.decay(Duration.ofSeconds(1), 1.0, Duration.ZERO))
        .hasSameHashCodeAs(Wait.decay(Duration.ofSeconds(1), 1.0, Duration.ZERO));
  }
}
