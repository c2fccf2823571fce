package io.backon.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.backon.testfixtures.Any;
import io.backon.testfixtures.Property;
import io.backon.testfixtures.SeededCases;
import io.backon.testfixtures.TestRetryState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties of stop conditions and their composition, over random states and limits. */
class StopPropertiesTest {

  private static final int TRIES = 300;

  @Property
  @MethodSource("twoStopsAndAState")
  void anyStopsIffOneOfItsElementsStops(Stop a, Stop b, TestRetryState state) {
    boolean expected = a.shouldStop(state) || b.shouldStop(state);

    assertThat(Stop.any(a, b).shouldStop(state)).isEqualTo(expected);
    assertThat(a.or(b).shouldStop(state)).isEqualTo(expected);
  }

  @Property
  @MethodSource("twoStopsAndAState")
  void allStopsIffEveryElementStops(Stop a, Stop b, TestRetryState state) {
    boolean expected = a.shouldStop(state) && b.shouldStop(state);

    assertThat(Stop.all(a, b).shouldStop(state)).isEqualTo(expected);
    assertThat(a.and(b).shouldStop(state)).isEqualTo(expected);
  }

  @Property
  @MethodSource("limitsAndAttempts")
  void afterAttemptStopsIffTheAttemptNumberReachesTheLimit(int limit, int attempt) {
    assertThat(Stop.afterAttempt(limit).shouldStop(TestRetryState.afterAttempt(attempt)))
        .isEqualTo(attempt >= limit);
  }

  @Property
  @MethodSource("limitsAndElapsedTimes")
  void afterDelayStopsIffTheElapsedTimeReachesTheLimit(long limitNanos, long elapsedNanos) {
    TestRetryState state = new TestRetryState().elapsedNanos(elapsedNanos);

    assertThat(Stop.afterDelay(Duration.ofNanos(limitNanos)).shouldStop(state))
        .isEqualTo(elapsedNanos >= limitNanos);
  }

  @Property
  @MethodSource("limitsElapsedTimesAndWaits")
  void beforeDelayComparesTheExactSumWithoutOverflow(
      long limitNanos, long elapsedNanos, long waitNanos) {
    TestRetryState state =
        new TestRetryState().elapsedNanos(elapsedNanos).upcomingWaitNanos(waitNanos);
    BigInteger exactEnd = BigInteger.valueOf(elapsedNanos).add(BigInteger.valueOf(waitNanos));

    assertThat(Stop.beforeDelay(Duration.ofNanos(limitNanos)).shouldStop(state))
        .isEqualTo(exactEnd.compareTo(BigInteger.valueOf(limitNanos)) >= 0);
  }

  @Property
  @MethodSource("twoLongs")
  void saturatedAddClampsInsteadOfWrapping(long a, long b) {
    BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    BigInteger clamped =
        exact.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE));

    assertThat(StopChecks.saturatedAdd(a, b)).isEqualTo(clamped.longValueExact());
  }

  static Stream<Arguments> twoStopsAndAState() {
    return SeededCases.of(TRIES, any -> arguments(stop(any), stop(any), state(any)));
  }

  static Stream<Arguments> limitsAndAttempts() {
    return SeededCases.of(TRIES, any -> arguments(positiveInt(any), positiveInt(any)));
  }

  static Stream<Arguments> limitsAndElapsedTimes() {
    return SeededCases.of(TRIES, any -> arguments(nanos(any), nanos(any)));
  }

  static Stream<Arguments> limitsElapsedTimesAndWaits() {
    return SeededCases.of(TRIES, any -> arguments(nanos(any), nanos(any), nanos(any)));
  }

  static Stream<Arguments> twoLongs() {
    return SeededCases.of(TRIES, any -> arguments(any.anyLong(), any.anyLong()));
  }

  private static int positiveInt(Any any) {
    return any.intBetween(1, Integer.MAX_VALUE);
  }

  private static long nanos(Any any) {
    return any.longBetween(0, Long.MAX_VALUE);
  }

  private static Stop stop(Any any) {
    return any.oneOf(
        a -> Stop.afterAttempt(a.intBetween(1, 20)),
        a -> Stop.afterDelay(Duration.ofNanos(nanos(a))),
        a -> Stop.beforeDelay(Duration.ofNanos(nanos(a))),
        a -> Stop.never());
  }

  private static TestRetryState state(Any any) {
    return TestRetryState.afterAttempt(any.intBetween(1, 25))
        .elapsedNanos(nanos(any))
        .upcomingWaitNanos(nanos(any));
  }
}
