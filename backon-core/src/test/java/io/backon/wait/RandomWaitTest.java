package io.backon.wait;

import static io.backon.wait.WaitSequences.waitAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomWaitTest {

  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private static List<Long> draws(Wait wait, int attempt, int count, long seed) {
    TestRetryState state = TestRetryState.afterAttempt(attempt).seed(seed);
    List<Long> draws = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      draws.add(wait.nextWaitNanos(state));
    }
    return draws;
  }

  @Test
  void randomWaitsBetweenZeroAndOneSecondByDefault() {
    assertThat(draws(Wait.random(), 1, 500, 1))
        .allSatisfy(w -> assertThat(w).isBetween(0L, SECOND));
  }

  @Test
  void randomStaysWithinItsBoundsAndSpreadsOverThem() {
    Wait wait = Wait.random(Duration.ofSeconds(2), Duration.ofSeconds(4));

    List<Long> draws = draws(wait, 1, 1_000, 7);

    assertThat(draws).allSatisfy(w -> assertThat(w).isBetween(2 * SECOND, 4 * SECOND));
    assertThat(draws).anySatisfy(w -> assertThat(w).isLessThan(2 * SECOND + SECOND / 10));
    assertThat(draws).anySatisfy(w -> assertThat(w).isGreaterThan(4 * SECOND - SECOND / 10));
  }

  @Test
  void randomWithEqualBoundsIsConstant() {
    assertThat(waitAfter(Wait.random(Duration.ofSeconds(3), Duration.ofSeconds(3)), 1))
        .isEqualTo(3 * SECOND);
  }

  @Test
  void randomIsDeterministicForAFixedSeed() {
    assertThat(draws(Wait.random(), 1, 20, 99)).isEqualTo(draws(Wait.random(), 1, 20, 99));
    assertThat(draws(Wait.random(), 1, 20, 99)).isNotEqualTo(draws(Wait.random(), 1, 20, 100));
  }

  @Test
  void randomRejectsAMaxBelowTheMin() {
    assertThatThrownBy(() -> Wait.random(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max must be >= min (PT2S) but was PT1S");
    assertThatThrownBy(() -> Wait.random(Duration.ofSeconds(-2), Duration.ofSeconds(1)))
        .hasMessage("min must be >= 0 but was PT-2S");
  }

  @Test
  void randomDescribesItselfAndIsAValue() {
    assertThat(Wait.random()).hasToString("random(min=PT0S, max=PT1S)");
    assertThat(Wait.random()).isEqualTo(Wait.random(Duration.ZERO, Duration.ofMillis(1000)));
  }

  @Test
  void randomExponentialDrawsBelowAnExponentiallyGrowingBound() {
    Wait wait = Wait.randomExponential();

    for (int attempt = 1; attempt <= 6; attempt++) {
      long bound = SECOND << (attempt - 1);
      assertThat(draws(wait, attempt, 200, attempt))
          .allSatisfy(w -> assertThat(w).isBetween(0L, bound))
          .anySatisfy(w -> assertThat(w).isGreaterThan(bound / 2));
    }
  }

  @Test
  void randomExponentialKeepsTheMinAndTheCap() {
    Wait wait =
        Wait.randomExponential(
            Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, Duration.ofSeconds(3));

    assertThat(draws(wait, 1, 200, 3)).containsOnly(3 * SECOND); // bound 1 s is below min
    assertThat(draws(wait, 10_000, 500, 3))
        .allSatisfy(w -> assertThat(w).isBetween(3 * SECOND, 10 * SECOND));
  }

  @Test
  void randomExponentialRejectsInvalidArguments() {
    assertThatThrownBy(
            () ->
                Wait.randomExponential(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 0.9, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expBase must be > 1 but was 0.9");
    assertThatThrownBy(
            () ->
                Wait.randomExponential(
                    Duration.ofSeconds(-1), Duration.ofSeconds(1), 2.0, Duration.ZERO))
        .hasMessage("multiplier must be >= 0 but was PT-1S");
    assertThatThrownBy(
            () ->
                Wait.randomExponential(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5)))
        .hasMessage("max must be >= min (PT5S) but was PT1S");
  }

  @Test
  void randomExponentialDescribesItself() {
    assertThat(
            Wait.randomExponential(
                Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, Duration.ofMillis(10)))
        .hasToString("randomExponential(multiplier=PT1S, max=PT1M, expBase=2.0, min=PT0.01S)");
  }
}
