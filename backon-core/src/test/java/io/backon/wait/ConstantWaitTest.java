package io.backon.wait;

import static io.backon.wait.WaitSequences.s;
import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConstantWaitTest {

  private static final Duration EXHAUSTED = Duration.ofNanos(Wait.EXHAUSTED);

  @Test
  void constantWaitsOneSecondByDefault() {
    assertThat(waits(Wait.constant(), 3)).containsExactly(s(1), s(1), s(1));
  }

  @Test
  void constantRepeatsItsIntervalForever() {
    Wait wait = Wait.constant(Duration.ofMillis(250));

    assertThat(waits(wait, 3)).containsExactly(s(0.25), s(0.25), s(0.25));
    assertThat(waitAfter(wait, 10_000)).isEqualTo(Duration.ofMillis(250).toNanos());
  }

  @Test
  void constantWithOneValueAndNoMoreRepeatsForever() {
    Wait wait = Wait.constant(Duration.ofSeconds(2), new Duration[0]);

    assertThat(wait).isEqualTo(Wait.constant(Duration.ofSeconds(2)));
    assertThat(waitAfter(wait, 10_000)).isEqualTo(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void constantWithSeveralValuesUsesValueKAfterAttemptKAndThenIsExhausted() {
    Wait wait = Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));

    assertThat(waits(wait, 5)).containsExactly(s(1), s(5), s(30), EXHAUSTED, EXHAUSTED);
    assertThat(wait.nextWait(TestRetryState.afterAttempt(3))).contains(Duration.ofSeconds(30));
    assertThat(wait.nextWait(TestRetryState.afterAttempt(4))).isEmpty();
  }

  @Test
  void constantSequenceDescribesItselfAndIsAValue() {
    Wait wait = Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));

    assertThat(wait).hasToString("constant(PT1S, PT2S, PT5S)");
    assertThat(wait)
        .isEqualTo(
            Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)))
        .hasSameHashCodeAs(
            Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)))
        .isNotEqualTo(Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(2)));
  }

  @Test
  void constantDescribesItselfAndIsAValue() {
    assertThat(Wait.constant(Duration.ofMillis(1500))).hasToString("constant(PT1.5S)");
    assertThat(Wait.constant()).isEqualTo(Wait.constant(Duration.ofSeconds(1)));
  }

  @Test
  void constantRejectsNegativeAndNullValues() {
    assertThatThrownBy(() -> Wait.constant(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.constant(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("first must be >= 0 but was PT-1S");
    assertThatThrownBy(
            () ->
                Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("more[1] must be >= 0 but was PT-2S");
    assertThatThrownBy(() -> Wait.constant((Duration) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("interval");
    assertThatThrownBy(() -> Wait.constant(Duration.ofSeconds(1), (Duration[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("more");
    assertThatThrownBy(() -> Wait.constant(Duration.ofSeconds(1), Duration.ofSeconds(1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("more[1]");
  }

  @Test
  void noneNeverWaits() {
    assertThat(waits(Wait.none(), 3)).containsOnly(Duration.ZERO);
    assertThat(waitAfter(Wait.none(), 10_000)).isZero();
    assertThat(Wait.none()).hasToString("none()").isSameAs(Wait.none());
  }
}
