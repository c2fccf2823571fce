package io.backon.stop;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testfixtures.TestRetryState;
import java.math.BigInteger;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of stop conditions and their composition, over random states and limits. */
class StopPropertiesTest {

  private static final int TRIES = 300;

  @Property(tries = TRIES)
  void anyStopsIffOneOfItsElementsStops(
      @ForAll("stops") Stop a, @ForAll("stops") Stop b, @ForAll("states") TestRetryState state) {
    boolean expected = a.shouldStop(state) || b.shouldStop(state);

    assertThat(Stop.any(a, b).shouldStop(state)).isEqualTo(expected);
    assertThat(a.or(b).shouldStop(state)).isEqualTo(expected);
  }

  @Property(tries = TRIES)
  void allStopsIffEveryElementStops(
      @ForAll("stops") Stop a, @ForAll("stops") Stop b, @ForAll("states") TestRetryState state) {
    boolean expected = a.shouldStop(state) && b.shouldStop(state);

    assertThat(Stop.all(a, b).shouldStop(state)).isEqualTo(expected);
    assertThat(a.and(b).shouldStop(state)).isEqualTo(expected);
  }

  @Property(tries = TRIES)
  void afterAttemptStopsIffTheAttemptNumberReachesTheLimit(
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int limit,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int attempt) {
    assertThat(Stop.afterAttempt(limit).shouldStop(TestRetryState.afterAttempt(attempt)))
        .isEqualTo(attempt >= limit);
  }

  @Property(tries = TRIES)
  void afterDelayStopsIffTheElapsedTimeReachesTheLimit(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long limitNanos,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long elapsedNanos) {
    TestRetryState state = new TestRetryState().elapsedNanos(elapsedNanos);

    assertThat(Stop.afterDelay(Duration.ofNanos(limitNanos)).shouldStop(state))
        .isEqualTo(elapsedNanos >= limitNanos);
  }

  @Property(tries = TRIES)
  void beforeDelayComparesTheExactSumWithoutOverflow(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long limitNanos,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long elapsedNanos,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long waitNanos) {
    TestRetryState state =
        new TestRetryState().elapsedNanos(elapsedNanos).upcomingWaitNanos(waitNanos);
    BigInteger exactEnd = BigInteger.valueOf(elapsedNanos).add(BigInteger.valueOf(waitNanos));

    assertThat(Stop.beforeDelay(Duration.ofNanos(limitNanos)).shouldStop(state))
        .isEqualTo(exactEnd.compareTo(BigInteger.valueOf(limitNanos)) >= 0);
  }

  @Property(tries = TRIES)
  void saturatedAddClampsInsteadOfWrapping(@ForAll long a, @ForAll long b) {
    BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    BigInteger clamped =
        exact.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE));

    assertThat(StopChecks.saturatedAdd(a, b)).isEqualTo(clamped.longValueExact());
  }

  @Provide
  Arbitrary<Stop> stops() {
    Arbitrary<Long> nanos = Arbitraries.longs().between(0, Long.MAX_VALUE);
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 20).map(Stop::afterAttempt),
        nanos.map(n -> Stop.afterDelay(Duration.ofNanos(n))),
        nanos.map(n -> Stop.beforeDelay(Duration.ofNanos(n))),
        Arbitraries.just(Stop.never()));
  }

  @Provide
  Arbitrary<TestRetryState> states() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 25),
            Arbitraries.longs().between(0, Long.MAX_VALUE),
            Arbitraries.longs().between(0, Long.MAX_VALUE))
        .as(
            (attempt, elapsed, wait) ->
                TestRetryState.afterAttempt(attempt).elapsedNanos(elapsed).upcomingWaitNanos(wait));
  }
}
