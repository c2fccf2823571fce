package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.backon.testfixtures.Any;
import io.backon.testfixtures.Property;
import io.backon.testfixtures.SeededCases;
import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For any valid parameters and any attempt up to 10,000, waits stay in range and never throw. */
class WaitPropertiesTest {

  private static final int TRIES = 200;

  private static long wait(Wait wait, int attempt, long seed) {
    return wait.nextWaitNanos(TestRetryState.afterAttempt(attempt).seed(seed));
  }

  private static Duration nanos(long nanos) {
    return Duration.ofNanos(nanos);
  }

  @Property
  @MethodSource("attemptsBasesFactorsAndCaps")
  void expoStaysBetweenZeroAndTheCap(int attempt, double base, long factor, long max) {
    long wait = wait(Wait.expo(base, nanos(factor), nanos(max)), attempt, 0);

    assertThat(wait).isBetween(0L, max);
    if (factor <= max) {
      assertThat(wait).isGreaterThanOrEqualTo(factor);
    }
  }

  @Property
  @MethodSource("basesFromOnePointOhOnePositiveFactorsAndCaps")
  void expoAtAttemptTenThousandIsTheCap(double base, long factor, long max) {
    assertThat(wait(Wait.expo(base, nanos(factor), nanos(max)), 10_000, 0)).isEqualTo(max);
  }

  @Property
  @MethodSource("attemptsBasesUpToAHundredAndFactorsUpToAnHour")
  void expoNeverShrinksFromOneAttemptToTheNext(int attempt, double base, long factor) {
    Wait wait = Wait.expo(base, nanos(factor), Wait.DEFAULT_MAX);

    assertThat(wait(wait, attempt + 1, 0)).isGreaterThanOrEqualTo(wait(wait, attempt, 0));
  }

  @Property
  @MethodSource("attemptsPositiveUnitsAndCaps")
  void fiboStaysBetweenZeroAndTheCapAndReachesItAtTenThousand(int attempt, long unit, long max) {
    Wait wait = Wait.fibo(nanos(unit), nanos(max));

    assertThat(wait(wait, attempt, 0)).isBetween(0L, max);
    assertThat(wait(wait, 10_000, 0)).isEqualTo(max);
  }

  @Property
  @MethodSource("attemptsInitialWaitsDecayFactorsAndFloors")
  void decayStaysBetweenTheFloorAndTheInitialWait(
      int attempt, long initial, double decayFactor, long min) {
    long floor = Math.min(min, initial);

    long wait = wait(Wait.decay(nanos(initial), decayFactor, nanos(floor)), attempt, 0);

    assertThat(wait).isBetween(floor, initial);
  }

  @Property
  @MethodSource("attemptsStartsIncrementsAndCaps")
  void incrementingStaysBetweenZeroAndTheCap(int attempt, long start, long increment, long max) {
    long wait = wait(Wait.incrementing(nanos(start), nanos(increment), nanos(max)), attempt, 0);

    assertThat(wait).isBetween(Math.min(start, max), max);
  }

  @Property
  @MethodSource("twoBoundsAndSeeds")
  void randomStaysBetweenItsBounds(long a, long b, long seed) {
    long min = Math.min(a, b);
    long max = Math.max(a, b);

    assertThat(wait(Wait.random(nanos(min), nanos(max)), 1, seed)).isBetween(min, max);
  }

  @Property
  @MethodSource("attemptsMultipliersBoundsBasesAndSeeds")
  void randomExponentialStaysBetweenTheMinAndTheCap(
      int attempt, long multiplier, long a, double expBase, long b, long seed) {
    long min = Math.min(a, b);
    long max = Math.max(a, b);
    Wait wait = Wait.randomExponential(nanos(multiplier), nanos(max), expBase, nanos(min));

    assertThat(wait(wait, attempt, seed)).isBetween(min, max);
  }

  @Property
  @MethodSource("attemptsInitialWaitsCapsBasesJittersAndSeeds")
  void exponentialJitterStaysBetweenZeroAndTheCapPlusTheJitter(
      int attempt, long initial, long max, double expBase, long jitter, long seed) {
    Wait wait = Wait.exponentialJitter(nanos(initial), nanos(max), expBase, nanos(jitter));

    assertThat(wait(wait, attempt, seed)).isBetween(0L, Nanos.add(max, jitter));
  }

  @Property
  @MethodSource("nanosAndSeconds")
  void dynamicWaitsAreNeverNegative(long nanos, long seconds) {
    TestRetryState failed = new TestRetryState().failure(new IllegalStateException());

    assertThat(Wait.runtime(state -> nanos(nanos)).nextWaitNanos(failed)).isNotNegative();
    assertThat(Wait.runtime(state -> Duration.ofSeconds(seconds)).nextWaitNanos(failed))
        .isNotNegative();
    assertThat(Wait.exception(failure -> nanos(nanos)).nextWaitNanos(failed))
        .isEqualTo(Math.max(0, nanos));
  }

  @Property
  @MethodSource("waitsAttemptsAndSeeds")
  void anyStrategyIsNonNegativeOrExhausted(Wait wait, int attempt, long seed) {
    long next = wait(wait, attempt, seed);

    assertThat(next == Wait.EXHAUSTED || next >= 0)
        .as("%s after attempt %d: %d", wait, attempt, next)
        .isTrue();
  }

  @Property
  @MethodSource("twoWaitsAttemptsAndSeeds")
  void plusIsTheSaturatedSumOfItsParts(Wait first, Wait second, int attempt, long seed) {
    TestRetryState state = TestRetryState.afterAttempt(attempt).seed(seed);
    long a = first.nextWaitNanos(state);
    long b = second.nextWaitNanos(state); // same random draws as the sum makes, in the same order

    long expected = a == Wait.EXHAUSTED || b == Wait.EXHAUSTED ? Wait.EXHAUSTED : Nanos.add(a, b);
    assertThat(wait(first.plus(second), attempt, seed)).isEqualTo(expected);
  }

  static Stream<Arguments> attemptsBasesFactorsAndCaps() {
    return SeededCases.of(TRIES, any -> arguments(attempt(any), base(any), nanos(any), nanos(any)));
  }

  static Stream<Arguments> basesFromOnePointOhOnePositiveFactorsAndCaps() {
    return SeededCases.of(
        TRIES,
        any ->
            arguments(
                any.doubleBetween(1.01, 1e9), any.longBetween(1, Long.MAX_VALUE), nanos(any)));
  }

  static Stream<Arguments> attemptsBasesUpToAHundredAndFactorsUpToAnHour() {
    return SeededCases.of(
        TRIES,
        any ->
            arguments(
                any.intBetween(1, 9_999),
                any.doubleAbove(1.0, 100),
                any.longBetween(0, 3_600_000_000_000L)));
  }

  static Stream<Arguments> attemptsPositiveUnitsAndCaps() {
    return SeededCases.of(
        TRIES, any -> arguments(attempt(any), any.longBetween(1, Long.MAX_VALUE), nanos(any)));
  }

  static Stream<Arguments> attemptsInitialWaitsDecayFactorsAndFloors() {
    return SeededCases.of(
        TRIES, any -> arguments(attempt(any), nanos(any), any.doubleBetween(0, 1e300), nanos(any)));
  }

  static Stream<Arguments> attemptsStartsIncrementsAndCaps() {
    return SeededCases.of(
        TRIES, any -> arguments(attempt(any), nanos(any), nanos(any), nanos(any)));
  }

  static Stream<Arguments> twoBoundsAndSeeds() {
    return SeededCases.of(TRIES, any -> arguments(nanos(any), nanos(any), any.anyLong()));
  }

  static Stream<Arguments> attemptsMultipliersBoundsBasesAndSeeds() {
    return SeededCases.of(
        TRIES,
        any ->
            arguments(attempt(any), nanos(any), nanos(any), base(any), nanos(any), any.anyLong()));
  }

  static Stream<Arguments> attemptsInitialWaitsCapsBasesJittersAndSeeds() {
    return SeededCases.of(
        TRIES,
        any ->
            arguments(attempt(any), nanos(any), nanos(any), base(any), nanos(any), any.anyLong()));
  }

  static Stream<Arguments> nanosAndSeconds() {
    return SeededCases.of(TRIES, any -> arguments(any.anyLong(), any.anyLong()));
  }

  static Stream<Arguments> waitsAttemptsAndSeeds() {
    return SeededCases.of(300, any -> arguments(anyWait(any), attempt(any), any.anyLong()));
  }

  static Stream<Arguments> twoWaitsAttemptsAndSeeds() {
    return SeededCases.of(
        TRIES, any -> arguments(anyWait(any), anyWait(any), attempt(any), any.anyLong()));
  }

  private static int attempt(Any any) {
    return any.intBetween(1, 10_000);
  }

  private static long nanos(Any any) {
    return any.longBetween(0, Long.MAX_VALUE);
  }

  private static double base(Any any) {
    return any.doubleAbove(1.0, 1e9);
  }

  /** A simple strategy, a chain of 1 to 4 of them or the sum of two. */
  private static Wait anyWait(Any any) {
    return any.oneOf(
        WaitPropertiesTest::simpleWait,
        a -> Wait.chain(a.listOf(1, 4, WaitPropertiesTest::simpleWait).toArray(new Wait[0])),
        a -> simpleWait(a).plus(simpleWait(a)));
  }

  /** Any strategy with any parameters (bases up to 10^6), or any strategy with its defaults. */
  private static Wait simpleWait(Any any) {
    return any.oneOf(
        a -> Wait.expo(waitBase(a), duration(a), duration(a)),
        a -> Wait.constant(duration(a)),
        a -> {
          List<Duration> durations = a.listOf(2, 5, WaitPropertiesTest::duration);
          Duration[] rest = durations.subList(1, durations.size()).toArray(new Duration[0]);
          return Wait.constant(durations.get(0), rest);
        },
        a -> Wait.fibo(duration(a), duration(a)),
        a -> Wait.decay(duration(a), a.doubleBetween(0, 1e6), Duration.ZERO),
        a -> Wait.incrementing(duration(a), duration(a), duration(a)),
        a -> Wait.random(Duration.ZERO, duration(a)),
        a -> Wait.randomExponential(duration(a), duration(a), waitBase(a), Duration.ZERO),
        a -> Wait.exponentialJitter(duration(a), duration(a), waitBase(a), duration(a)),
        a ->
            a.element(
                Wait.expo(),
                Wait.constant(),
                Wait.fibo(),
                Wait.decay(),
                Wait.incrementing(),
                Wait.random(),
                Wait.randomExponential(),
                Wait.exponentialJitter(),
                Wait.none()));
  }

  /** Any nanoseconds, up to an hour in seconds, zero, the default cap or the largest Duration. */
  private static Duration duration(Any any) {
    return any.oneOf(
        a -> Duration.ofNanos(nanos(a)),
        a -> Duration.ofSeconds(a.longBetween(0, 3_600)),
        a -> a.element(Duration.ZERO, Wait.DEFAULT_MAX));
  }

  private static double waitBase(Any any) {
    return any.doubleAbove(1.0, 1e6);
  }
}
