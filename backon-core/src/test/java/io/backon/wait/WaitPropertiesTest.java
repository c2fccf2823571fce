package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** For any valid parameters and any attempt up to 10,000, waits stay in range and never throw. */
class WaitPropertiesTest {

  private static long wait(Wait wait, int attempt, long seed) {
    return wait.nextWaitNanos(TestRetryState.afterAttempt(attempt).seed(seed));
  }

  private static Duration nanos(long nanos) {
    return Duration.ofNanos(nanos);
  }

  @Property(tries = 200)
  void expoStaysBetweenZeroAndTheCap(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @DoubleRange(min = 1.0, minIncluded = false, max = 1e9) double base,
      @ForAll @LongRange(min = 0) long factor,
      @ForAll @LongRange(min = 0) long max) {
    long wait = wait(Wait.expo(base, nanos(factor), nanos(max)), attempt, 0);

    assertThat(wait).isBetween(0L, max);
    if (factor <= max) {
      assertThat(wait).isGreaterThanOrEqualTo(factor);
    }
  }

  @Property(tries = 200)
  void expoAtAttemptTenThousandIsTheCap(
      @ForAll @DoubleRange(min = 1.01, max = 1e9) double base,
      @ForAll @LongRange(min = 1) long factor,
      @ForAll @LongRange(min = 0) long max) {
    assertThat(wait(Wait.expo(base, nanos(factor), nanos(max)), 10_000, 0)).isEqualTo(max);
  }

  @Property(tries = 200)
  void expoNeverShrinksFromOneAttemptToTheNext(
      @ForAll @IntRange(min = 1, max = 9_999) int attempt,
      @ForAll @DoubleRange(min = 1.0, minIncluded = false, max = 100) double base,
      @ForAll @LongRange(min = 0, max = 3_600_000_000_000L) long factor) {
    Wait wait = Wait.expo(base, nanos(factor), Wait.DEFAULT_MAX);

    assertThat(wait(wait, attempt + 1, 0)).isGreaterThanOrEqualTo(wait(wait, attempt, 0));
  }

  @Property(tries = 200)
  void fiboStaysBetweenZeroAndTheCapAndReachesItAtTenThousand(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 1) long unit,
      @ForAll @LongRange(min = 0) long max) {
    Wait wait = Wait.fibo(nanos(unit), nanos(max));

    assertThat(wait(wait, attempt, 0)).isBetween(0L, max);
    assertThat(wait(wait, 10_000, 0)).isEqualTo(max);
  }

  @Property(tries = 200)
  void decayStaysBetweenTheFloorAndTheInitialWait(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 0) long initial,
      @ForAll @DoubleRange(min = 0, max = 1e300) double decayFactor,
      @ForAll @LongRange(min = 0) long min) {
    long floor = Math.min(min, initial);

    long wait = wait(Wait.decay(nanos(initial), decayFactor, nanos(floor)), attempt, 0);

    assertThat(wait).isBetween(floor, initial);
  }

  @Property(tries = 200)
  void incrementingStaysBetweenZeroAndTheCap(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 0) long start,
      @ForAll @LongRange(min = 0) long increment,
      @ForAll @LongRange(min = 0) long max) {
    long wait = wait(Wait.incrementing(nanos(start), nanos(increment), nanos(max)), attempt, 0);

    assertThat(wait).isBetween(Math.min(start, max), max);
  }

  @Property(tries = 200)
  void randomStaysBetweenItsBounds(
      @ForAll @LongRange(min = 0) long a, @ForAll @LongRange(min = 0) long b, @ForAll long seed) {
    long min = Math.min(a, b);
    long max = Math.max(a, b);

    assertThat(wait(Wait.random(nanos(min), nanos(max)), 1, seed)).isBetween(min, max);
  }

  @Property(tries = 200)
  void randomExponentialStaysBetweenTheMinAndTheCap(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 0) long multiplier,
      @ForAll @LongRange(min = 0) long a,
      @ForAll @DoubleRange(min = 1.0, minIncluded = false, max = 1e9) double expBase,
      @ForAll @LongRange(min = 0) long b,
      @ForAll long seed) {
    long min = Math.min(a, b);
    long max = Math.max(a, b);
    Wait wait = Wait.randomExponential(nanos(multiplier), nanos(max), expBase, nanos(min));

    assertThat(wait(wait, attempt, seed)).isBetween(min, max);
  }

  @Property(tries = 200)
  void exponentialJitterStaysBetweenZeroAndTheCapPlusTheJitter(
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll @LongRange(min = 0) long initial,
      @ForAll @LongRange(min = 0) long max,
      @ForAll @DoubleRange(min = 1.0, minIncluded = false, max = 1e9) double expBase,
      @ForAll @LongRange(min = 0) long jitter,
      @ForAll long seed) {
    Wait wait = Wait.exponentialJitter(nanos(initial), nanos(max), expBase, nanos(jitter));

    assertThat(wait(wait, attempt, seed)).isBetween(0L, Nanos.add(max, jitter));
  }

  @Property(tries = 200)
  void dynamicWaitsAreNeverNegative(@ForAll long nanos, @ForAll long seconds) {
    TestRetryState failed = new TestRetryState().failure(new IllegalStateException());

    assertThat(Wait.runtime(state -> nanos(nanos)).nextWaitNanos(failed)).isNotNegative();
    assertThat(Wait.runtime(state -> Duration.ofSeconds(seconds)).nextWaitNanos(failed))
        .isNotNegative();
    assertThat(Wait.exception(failure -> nanos(nanos)).nextWaitNanos(failed))
        .isEqualTo(Math.max(0, nanos));
  }

  @Property(tries = 300)
  void anyStrategyIsNonNegativeOrExhausted(
      @ForAll("anyWait") Wait wait,
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll long seed) {
    long next = wait(wait, attempt, seed);

    assertThat(next == Wait.EXHAUSTED || next >= 0)
        .as("%s after attempt %d: %d", wait, attempt, next)
        .isTrue();
  }

  @Property(tries = 200)
  void plusIsTheSaturatedSumOfItsParts(
      @ForAll("anyWait") Wait first,
      @ForAll("anyWait") Wait second,
      @ForAll @IntRange(min = 1, max = 10_000) int attempt,
      @ForAll long seed) {
    TestRetryState state = TestRetryState.afterAttempt(attempt).seed(seed);
    long a = first.nextWaitNanos(state);
    long b = second.nextWaitNanos(state); // same random draws as the sum makes, in the same order

    long expected = a == Wait.EXHAUSTED || b == Wait.EXHAUSTED ? Wait.EXHAUSTED : Nanos.add(a, b);
    assertThat(wait(first.plus(second), attempt, seed)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Wait> anyWait() {
    Arbitrary<Duration> durations =
        Arbitraries.oneOf(
            Arbitraries.longs().greaterOrEqual(0).map(Duration::ofNanos),
            Arbitraries.longs().between(0, 3_600).map(Duration::ofSeconds),
            Arbitraries.of(Duration.ZERO, Wait.DEFAULT_MAX));
    Arbitrary<Double> bases = Arbitraries.doubles().between(1.0, false, 1e6, true);
    Arbitrary<Wait> simple =
        Arbitraries.oneOf(
            Combinators.combine(bases, durations, durations).as(Wait::expo),
            durations.map(Wait::constant),
            durations
                .list()
                .ofMinSize(2)
                .ofMaxSize(5)
                .map(d -> Wait.constant(d.get(0), d.subList(1, d.size()).toArray(new Duration[0]))),
            Combinators.combine(durations, durations).as(Wait::fibo),
            Combinators.combine(durations, Arbitraries.doubles().between(0, 1e6))
                .as((initial, factor) -> Wait.decay(initial, factor, Duration.ZERO)),
            Combinators.combine(durations, durations, durations).as(Wait::incrementing),
            durations.map(max -> Wait.random(Duration.ZERO, max)),
            Combinators.combine(durations, durations, bases)
                .as((mul, max, base) -> Wait.randomExponential(mul, max, base, Duration.ZERO)),
            Combinators.combine(durations, durations, bases, durations).as(Wait::exponentialJitter),
            Arbitraries.of(
                Wait.expo(),
                Wait.constant(),
                Wait.fibo(),
                Wait.decay(),
                Wait.incrementing(),
                Wait.random(),
                Wait.randomExponential(),
                Wait.exponentialJitter(),
                Wait.none()));
    return Arbitraries.oneOf(
        simple,
        simple.list().ofMinSize(1).ofMaxSize(4).map(list -> Wait.chain(list.toArray(new Wait[0]))),
        Combinators.combine(simple, simple).as(Wait::plus));
  }
}
