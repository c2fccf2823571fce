package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * {@code max(initial * e^(-n * decayFactor), min)}; see {@link Wait#decay(java.time.Duration,
 * double, java.time.Duration)}.
 */
record DecayWait(long initialNanos, double decayFactor, long minNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    int n = Nanos.exponent(state.attemptNumber());
    double value = initialNanos * Math.exp(-(n * decayFactor)); // in [0, initial], never NaN
    long rounded = Math.min(initialNanos, Math.round(value));
    return Math.max(minNanos, rounded);
  }

  @Override
  public Description describe() {
    return Description.of("decay")
        .with("initial", Description.nanos(initialNanos))
        .with("decayFactor", decayFactor)
        .with("min", Description.nanos(minNanos));
  }

  @Override
  public String toString() {
    return "decay(initial="
        + Nanos.format(initialNanos)
        + ", decayFactor="
        + decayFactor
        + ", min="
        + Nanos.format(minNanos)
        + ")";
  }
}
