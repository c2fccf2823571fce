package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.backon.testfixtures.Any;
import io.backon.testfixtures.Property;
import io.backon.testfixtures.SeededCases;
import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For any wait and any random seed, every jitter stays within its bounds. */
class JitterPropertiesTest {

  private static final int TRIES = 200;

  private static long jitter(Jitter jitter, long wait, long seed) {
    return jitter.apply(wait, new TestRetryState().seed(seed));
  }

  @Property
  @MethodSource("waitsAndSeeds")
  void fullJitterIsBetweenZeroAndTheWait(long wait, long seed) {
    assertThat(jitter(Jitter.full(), wait, seed)).isBetween(0L, wait);
  }

  @Property
  @MethodSource("waitsAndSeeds")
  void noJitterIsTheWait(long wait, long seed) {
    assertThat(jitter(Jitter.none(), wait, seed)).isEqualTo(wait);
  }

  @Property
  @MethodSource("waitsMaxesAndSeeds")
  void randomJitterAddsAtMostItsMax(long wait, long max, long seed) {
    long jittered = jitter(Jitter.random(Duration.ofNanos(max)), wait, seed);

    assertThat(jittered).isBetween(wait, Nanos.add(wait, max));
  }

  @Property
  @MethodSource("waitsAndSeeds")
  void equalJitterKeepsAtLeastHalfTheWait(long wait, long seed) {
    assertThat(jitter(Jitter.equal(), wait, seed)).isBetween(wait - wait / 2, wait);
  }

  @Property
  @MethodSource("waitsPreviousWaitsCapsAndSeeds")
  void decorrelatedJitterIsBetweenTheWaitAndTheCap(long wait, long previous, long cap, long seed) {
    TestRetryState state = new TestRetryState().seed(seed).previousWaitNanos(previous);

    long jittered = Jitter.decorrelated(Duration.ofNanos(cap)).apply(wait, state);

    assertThat(jittered).isBetween(Math.min(wait, cap), cap);
    long previousOrWait = previous > 0 ? previous : wait;
    assertThat(jittered).isLessThanOrEqualTo(Math.max(wait, Nanos.multiply(previousOrWait, 3)));
  }

  @Property
  @MethodSource("negativeWaitsAndSeeds")
  void everyJitterToleratesANegativeWait(long wait, long seed) {
    Jitter[] jitters = {
      Jitter.full(),
      Jitter.none(),
      Jitter.equal(),
      Jitter.random(),
      Jitter.decorrelated(Wait.DEFAULT_MAX)
    };
    for (Jitter jitter : jitters) {
      assertThat(jitter(jitter, wait, seed)).as("%s", jitter).isNotNegative();
    }
  }

  static Stream<Arguments> waitsAndSeeds() {
    return SeededCases.of(TRIES, any -> arguments(nanos(any), any.anyLong()));
  }

  static Stream<Arguments> waitsMaxesAndSeeds() {
    return SeededCases.of(TRIES, any -> arguments(nanos(any), nanos(any), any.anyLong()));
  }

  static Stream<Arguments> waitsPreviousWaitsCapsAndSeeds() {
    return SeededCases.of(
        TRIES, any -> arguments(nanos(any), nanos(any), nanos(any), any.anyLong()));
  }

  static Stream<Arguments> negativeWaitsAndSeeds() {
    return SeededCases.of(
        TRIES, any -> arguments(any.longBetween(Long.MIN_VALUE, -1), any.anyLong()));
  }

  private static long nanos(Any any) {
    return any.longBetween(0, Long.MAX_VALUE);
  }
}
