package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * {@code min(initial * expBase^n, max) + uniform(0, jitter)}; see {@link
 * Wait#exponentialJitter(java.time.Duration, java.time.Duration, double, java.time.Duration)}.
 */
record ExponentialJitterWait(long initialNanos, long maxNanos, double expBase, long jitterNanos)
    implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    int n = Nanos.exponent(state.attemptNumber());
    long exponential = Nanos.scaledPower(initialNanos, expBase, n, maxNanos);
    return Nanos.add(exponential, Nanos.uniform(state.random(), 0L, jitterNanos));
  }

  @Override
  public Description describe() {
    return Description.of("exponentialJitter")
        .with("initial", Description.nanos(initialNanos))
        .with("max", Description.nanos(maxNanos))
        .with("expBase", expBase)
        .with("jitter", Description.nanos(jitterNanos));
  }

  @Override
  public String toString() {
    return "exponentialJitter(initial="
        + Nanos.format(initialNanos)
        + ", max="
        + Nanos.format(maxNanos)
        + ", expBase="
        + expBase
        + ", jitter="
        + Nanos.format(jitterNanos)
        + ")";
  }
}
