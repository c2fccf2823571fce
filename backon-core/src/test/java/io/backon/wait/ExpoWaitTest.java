package io.backon.wait;

import static io.backon.wait.WaitSequences.s;
import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpoWaitTest {

  @Test
  void expoDoublesFromFactorUntilTheCap() {
    Wait wait = Wait.expo(Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(waits(wait, 7)).containsExactly(s(1), s(2), s(4), s(8), s(10), s(10), s(10));
  }

  @Test
  void expoWithDefaultsStartsAtOneSecondAndDoubles() {
    assertThat(waits(Wait.expo(), 5)).containsExactly(s(1), s(2), s(4), s(8), s(16));
  }

  @Test
  void expoWithBaseThreeTriples() {
    Wait wait = Wait.expo(3.0, Duration.ofMillis(100), Duration.ofMinutes(1));

    assertThat(waits(wait, 4)).containsExactly(s(0.1), s(0.3), s(0.9), s(2.7));
  }

  @Test
  void expoWithAFractionalBaseRoundsToTheNearestNanosecond() {
    Wait wait = Wait.expo(1.5, Duration.ofNanos(3), Duration.ofSeconds(1));

    assertThat(waitAfter(wait, 2)).isEqualTo(5L); // 4.5 rounds up
  }

  @Test
  void expoAtAttemptTenThousandIsTheCap() {
    assertThat(waitAfter(Wait.expo(), 10_000)).isEqualTo(Long.MAX_VALUE);
    assertThat(waitAfter(Wait.expo(Duration.ofSeconds(1), Duration.ofMinutes(1)), 10_000))
        .isEqualTo(Duration.ofMinutes(1).toNanos());
    assertThat(
            waitAfter(Wait.expo(Duration.ofSeconds(1), Duration.ofMinutes(1)), Integer.MAX_VALUE))
        .isEqualTo(Duration.ofMinutes(1).toNanos());
  }

  @Test
  void expoWithZeroFactorNeverWaits() {
    Wait wait = Wait.expo(Duration.ZERO, Duration.ofMinutes(1));

    assertThat(waitAfter(wait, 1)).isZero();
    assertThat(waitAfter(wait, 10_000)).isZero();
  }

  @Test
  void expoWithZeroMaxNeverWaits() {
    assertThat(waitAfter(Wait.expo(Duration.ofSeconds(1), Duration.ZERO), 3)).isZero();
  }

  @Test
  void expoTreatsAnAttemptBelowOneAsTheFirst() {
    assertThat(waitAfter(Wait.expo(), 0)).isEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void expoWithTheLongestMaxSaturatesAtIt() {
    Wait wait = Wait.expo(Duration.ofSeconds(1), Wait.DEFAULT_MAX);

    assertThat(wait).isEqualTo(Wait.expo());
    assertThat(waitAfter(wait, 10_000)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void expoRejectsABaseNotAboveOne() {
    assertThatThrownBy(() -> Wait.expo(0.5, Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base must be > 1 but was 0.5");
    assertThatThrownBy(() -> Wait.expo(1.0, Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .hasMessage("base must be > 1 but was 1.0");
    assertThatThrownBy(() -> Wait.expo(Double.NaN, Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .hasMessage("base must be > 1 but was NaN");
  }

  @Test
  void expoRejectsAnInfiniteBase() {
    assertThatThrownBy(
            () -> Wait.expo(Double.POSITIVE_INFINITY, Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base must be finite but was Infinity");
  }

  @Test
  void expoRejectsNegativeDurations() {
    assertThatThrownBy(() -> Wait.expo(Duration.ofSeconds(-1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("factor must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.expo(Duration.ofSeconds(1), Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be >= 0 but was PT-0.005S");
  }

  @Test
  void expoRejectsNullDurations() {
    assertThatThrownBy(() -> Wait.expo(null, Duration.ofMinutes(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("factor");
    assertThatThrownBy(() -> Wait.expo(Duration.ofSeconds(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("max");
  }

  @Test
  void expoDescribesItself() {
    assertThat(Wait.expo(Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .hasToString("expo(base=2.0, factor=PT1S, max=PT1M)");
    assertThat(Wait.expo())
        .hasToString("expo(base=2.0, factor=PT1S, max=PT2562047H47M16.854775807S)");
  }

  @Test
  void expoIsAValue() {
    assertThat(Wait.expo(Duration.ofSeconds(1), Duration.ofMinutes(1)))
        .isEqualTo(Wait.expo(2.0, Duration.ofMillis(1000), Duration.ofSeconds(60)))
        .hasSameHashCodeAs(Wait.expo(2.0, Duration.ofMillis(1000), Duration.ofSeconds(60)))
        .isNotEqualTo(Wait.expo(3.0, Duration.ofSeconds(1), Duration.ofMinutes(1)));
  }
}
