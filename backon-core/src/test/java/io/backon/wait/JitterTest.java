package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JitterTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private static List<Long> draws(Jitter jitter, long waitNanos, TestRetryState state, int count) {
    List<Long> draws = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      draws.add(jitter.apply(waitNanos, state));
    }
    return draws;
  }

  private static List<Long> draws(Jitter jitter, long waitNanos, long seed) {
    return draws(jitter, waitNanos, new TestRetryState().seed(seed), 500);
  }

  @Test
  void fullJitterIsUniformBetweenZeroAndTheWait() {
    List<Long> draws = draws(Jitter.full(), 10 * SECOND, 1);

    assertThat(draws).allSatisfy(w -> assertThat(w).isBetween(0L, 10 * SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isLessThan(SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isGreaterThan(9 * SECOND));
  }

  @Test
  void fullJitterOfZeroOrTheLargestWaitStaysInBounds() {
    assertThat(draws(Jitter.full(), 0L, 2)).containsOnly(0L);
    assertThat(draws(Jitter.full(), Long.MAX_VALUE, 2))
        .allSatisfy(w -> assertThat(w).isNotNegative());
    assertThat(draws(Jitter.full(), 1L, 2)).containsOnly(0L, 1L).contains(0L, 1L);
  }

  @Test
  void fullJitterOfTheLargestWaitSpreadsOverTheWholeRange() {
    List<Long> draws = draws(Jitter.full(), Long.MAX_VALUE, 1);

    assertThat(draws).anySatisfy(w -> assertThat(w).isLessThan(Long.MAX_VALUE / 10));
    assertThat(draws).anySatisfy(w -> assertThat(w).isGreaterThan(Long.MAX_VALUE / 10 * 9));
  }

  @Test
  void noJitterKeepsTheWait() {
    assertThat(Jitter.none().apply(5 * SECOND, new TestRetryState())).isEqualTo(5 * SECOND);
    assertThat(Jitter.none().apply(-1L, new TestRetryState())).isZero();
  }

  @Test
  void randomJitterAddsUpToOneSecond() {
    List<Long> draws = draws(Jitter.random(), 5 * SECOND, 3);

    assertThat(draws).allSatisfy(w -> assertThat(w).isBetween(5 * SECOND, 6 * SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isGreaterThan(5 * SECOND + SECOND / 2));
  }

  @Test
  void randomJitterSaturatesAtTheLargestWait() {
    assertThat(draws(Jitter.random(), Long.MAX_VALUE - 1, 3))
        .allSatisfy(w -> assertThat(w).isBetween(Long.MAX_VALUE - 1, Long.MAX_VALUE));
  }

  @Test
  void randomJitterWithAMaxAddsUpToThatMax() {
    assertThat(draws(Jitter.random(Duration.ofMillis(10)), SECOND, 4))
        .allSatisfy(w -> assertThat(w).isBetween(SECOND, SECOND + Duration.ofMillis(10).toNanos()));
  }

  @Test
  void equalJitterKeepsHalfTheWaitAndRandomisesTheOtherHalf() {
    List<Long> draws = draws(Jitter.equal(), 10 * SECOND, 5);

    assertThat(draws).allSatisfy(w -> assertThat(w).isBetween(5 * SECOND, 10 * SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isLessThan(6 * SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isGreaterThan(9 * SECOND));
  }

  @Test
  void equalJitterNeverExceedsAnOddWait() {
    assertThat(draws(Jitter.equal(), 3L, 6)).allSatisfy(w -> assertThat(w).isBetween(2L, 3L));
    assertThat(draws(Jitter.equal(), Long.MAX_VALUE, 6))
        .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Long.MAX_VALUE / 2 + 1));
  }

  @Test
  void decorrelatedJitterStartsBetweenTheWaitAndThreeTimesIt() {
    Jitter jitter = Jitter.decorrelated(Duration.ofMinutes(1));

    assertThat(draws(jitter, SECOND, new TestRetryState(), 500))
        .allSatisfy(w -> assertThat(w).isBetween(SECOND, 3 * SECOND))
        .anySatisfy(w -> assertThat(w).isGreaterThan(2 * SECOND));
  }

  @Test
  void decorrelatedJitterGrowsFromThePreviousWait() {
    Jitter jitter = Jitter.decorrelated(Duration.ofMinutes(1));
    TestRetryState state = new TestRetryState().previousWait(Duration.ofSeconds(4));

    assertThat(draws(jitter, SECOND, state, 500))
        .allSatisfy(w -> assertThat(w).isBetween(SECOND, 12 * SECOND))
        .anySatisfy(w -> assertThat(w).isGreaterThan(10 * SECOND));
  }

  @Test
  void decorrelatedJitterNeverExceedsTheCap() {
    Jitter jitter = Jitter.decorrelated(Duration.ofSeconds(10));
    TestRetryState state = new TestRetryState().previousWaitNanos(Long.MAX_VALUE);

    assertThat(draws(jitter, SECOND, state, 500))
        .allSatisfy(w -> assertThat(w).isBetween(SECOND, 10 * SECOND))
        .contains(10 * SECOND);
    assertThat(jitter.apply(Long.MAX_VALUE, state)).isEqualTo(10 * SECOND);
  }

  @Test
  void jitterIsDeterministicForAFixedSeed() {
    for (Jitter jitter :
        List.of(
            Jitter.full(),
            Jitter.random(),
            Jitter.equal(),
            Jitter.decorrelated(Wait.DEFAULT_MAX))) {
      assertThat(draws(jitter, 10 * SECOND, 11))
          .as("%s", jitter)
          .isEqualTo(draws(jitter, 10 * SECOND, 11));
    }
  }

  @Test
  void jitterAppliesToDurations() {
    assertThat(Jitter.none().apply(Duration.ofSeconds(3), new TestRetryState()))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(Jitter.none().apply(Duration.ofSeconds(-3), new TestRetryState()))
        .isEqualTo(Duration.ZERO);
    assertThat(Jitter.none().apply(Duration.ofSeconds(Long.MIN_VALUE), new TestRetryState()))
        .as("negative beyond Long.MIN_VALUE nanoseconds")
        .isEqualTo(Duration.ZERO);
    assertThat(Jitter.full().apply(Duration.ofDays(365_000_000L), new TestRetryState()))
        .isBetween(Duration.ZERO, Wait.DEFAULT_MAX);
  }

  @Test
  void jittersDescribeThemselvesAndAreValues() {
    assertThat(Jitter.full()).hasToString("full()");
    assertThat(Jitter.none()).hasToString("none()");
    assertThat(Jitter.equal()).hasToString("equal()");
    assertThat(Jitter.random())
        .hasToString("random(max=PT1S)")
        .isEqualTo(Jitter.random(Duration.ofSeconds(1)));
    assertThat(Jitter.decorrelated(Duration.ofMinutes(1)))
        .hasToString("decorrelated(cap=PT1M)")
        .isEqualTo(Jitter.decorrelated(Duration.ofSeconds(60)));
  }

  @Test
  void jittersRejectInvalidArguments() {
    assertThatThrownBy(() -> Jitter.decorrelated(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cap must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> Jitter.decorrelated(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cap");
    assertThatThrownBy(() -> Jitter.random(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be >= 0 but was PT-0.001S");
    assertThatThrownBy(() -> Jitter.full().apply(null, new TestRetryState()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("wait");
  }
}
