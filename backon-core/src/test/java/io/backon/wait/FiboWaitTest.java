package io.backon.wait;

import static io.backon.wait.WaitSequences.s;
import static io.backon.wait.WaitSequences.waitAfter;
import static io.backon.wait.WaitSequences.waits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiboWaitTest {

  @Test
  void fiboFollowsTheFibonacciSequenceInSecondsUntilTheCap() {
    Wait wait = Wait.fibo(Duration.ofSeconds(10));

    assertThat(waits(wait, 8)).containsExactly(s(1), s(1), s(2), s(3), s(5), s(8), s(10), s(10));
  }

  @Test
  void fiboScalesByItsUnit() {
    Wait wait = Wait.fibo(Duration.ofMillis(100), Duration.ofMinutes(1));

    assertThat(waits(wait, 6)).containsExactly(s(0.1), s(0.1), s(0.2), s(0.3), s(0.5), s(0.8));
  }

  @Test
  void fiboWithDefaultsHasNoPracticalCap() {
    assertThat(waits(Wait.fibo(), 4)).containsExactly(s(1), s(1), s(2), s(3));
    assertThat(Wait.fibo()).isEqualTo(Wait.fibo(Wait.DEFAULT_MAX));
  }

  @Test
  void fiboAtAttemptTenThousandIsTheCapWithoutOverflow() {
    assertThat(waitAfter(Wait.fibo(Duration.ofMinutes(5)), 10_000))
        .isEqualTo(Duration.ofMinutes(5).toNanos());
    assertThat(waitAfter(Wait.fibo(), 10_000)).isEqualTo(Long.MAX_VALUE);
    assertThat(waitAfter(Wait.fibo(Duration.ofNanos(1), Wait.DEFAULT_MAX), 10_000))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void fiboWithTheSmallestUnitReachesTheLargestLongFibonacciNumber() {
    Wait wait = Wait.fibo(Duration.ofNanos(1), Wait.DEFAULT_MAX);

    assertThat(waitAfter(wait, 92)).isEqualTo(7_540_113_804_746_346_429L); // fib(92)
    assertThat(waitAfter(wait, 93)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void fiboWithZeroUnitNeverWaits() {
    assertThat(waitAfter(Wait.fibo(Duration.ZERO, Duration.ofMinutes(1)), 50)).isZero();
  }

  @Test
  void fiboRejectsNegativeAndNullArguments() {
    assertThatThrownBy(() -> Wait.fibo(Duration.ofSeconds(-3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be >= 0 but was PT-3S");
    assertThatThrownBy(() -> Wait.fibo(Duration.ofSeconds(-1), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unit must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Wait.fibo(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("max");
  }

  @Test
  void fiboDescribesItselfAndIsAValue() {
    assertThat(Wait.fibo(Duration.ofMinutes(1))).hasToString("fibo(unit=PT1S, max=PT1M)");
    assertThat(Wait.fibo(Duration.ofMinutes(1)))
        .isEqualTo(Wait.fibo(Duration.ofSeconds(1), Duration.ofSeconds(60)))
        .hasSameHashCodeAs(Wait.fibo(Duration.ofSeconds(1), Duration.ofSeconds(60)));
  }
}
