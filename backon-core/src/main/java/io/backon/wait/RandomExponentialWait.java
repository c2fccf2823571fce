package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * Uniform in {@code [min, max(min, min(multiplier * expBase^n, max))]}; see {@link
 * Wait#randomExponential(java.time.Duration, java.time.Duration, double, java.time.Duration)}.
 */
record RandomExponentialWait(long multiplierNanos, long maxNanos, double expBase, long minNanos)
    implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    int n = Nanos.exponent(state.attemptNumber());
    long upper = Math.max(minNanos, Nanos.scaledPower(multiplierNanos, expBase, n, maxNanos));
    return Nanos.uniform(state.random(), minNanos, upper);
  }

  @Override
  public Description describe() {
    return Description.of("randomExponential")
        .with("multiplier", Description.nanos(multiplierNanos))
        .with("max", Description.nanos(maxNanos))
        .with("expBase", expBase)
        .with("min", Description.nanos(minNanos));
  }

  @Override
  public String toString() {
    return "randomExponential(multiplier="
        + Nanos.format(multiplierNanos)
        + ", max="
        + Nanos.format(maxNanos)
        + ", expBase="
        + expBase
        + ", min="
        + Nanos.format(minNanos)
        + ")";
  }
}
