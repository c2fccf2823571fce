package io.backon.wait;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testfixtures.TestRetryState;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** For any wait and any random seed, every jitter stays within its bounds. */
class JitterPropertiesTest {

  private static long jitter(Jitter jitter, long wait, long seed) {
    return jitter.apply(wait, new TestRetryState().seed(seed));
  }

  @Property(tries = 200)
  void fullJitterIsBetweenZeroAndTheWait(@ForAll @LongRange(min = 0) long wait, @ForAll long seed) {
    assertThat(jitter(Jitter.full(), wait, seed)).isBetween(0L, wait);
  }

  @Property(tries = 200)
  void noJitterIsTheWait(@ForAll @LongRange(min = 0) long wait, @ForAll long seed) {
    assertThat(jitter(Jitter.none(), wait, seed)).isEqualTo(wait);
  }

  @Property(tries = 200)
  void randomJitterAddsAtMostItsMax(
      @ForAll @LongRange(min = 0) long wait,
      @ForAll @LongRange(min = 0) long max,
      @ForAll long seed) {
    long jittered = jitter(Jitter.random(Duration.ofNanos(max)), wait, seed);

    assertThat(jittered).isBetween(wait, Nanos.add(wait, max));
  }

  @Property(tries = 200)
  void equalJitterKeepsAtLeastHalfTheWait(
      @ForAll @LongRange(min = 0) long wait, @ForAll long seed) {
    assertThat(jitter(Jitter.equal(), wait, seed)).isBetween(wait - wait / 2, wait);
  }

  @Property(tries = 200)
  void decorrelatedJitterIsBetweenTheWaitAndTheCap(
      @ForAll @LongRange(min = 0) long wait,
      @ForAll @LongRange(min = 0) long previous,
      @ForAll @LongRange(min = 0) long cap,
      @ForAll long seed) {
    TestRetryState state = new TestRetryState().seed(seed).previousWaitNanos(previous);

    long jittered = Jitter.decorrelated(Duration.ofNanos(cap)).apply(wait, state);

    assertThat(jittered).isBetween(Math.min(wait, cap), cap);
    long previousOrWait = previous > 0 ? previous : wait;
    assertThat(jittered).isLessThanOrEqualTo(Math.max(wait, Nanos.multiply(previousOrWait, 3)));
  }

  @Property(tries = 200)
  void everyJitterToleratesANegativeWait(
      @ForAll @LongRange(min = Long.MIN_VALUE, max = -1) long wait, @ForAll long seed) {
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
}
