package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * {@code min(start + n * increment, max)}; see {@link Wait#incrementing(java.time.Duration,
 * java.time.Duration, java.time.Duration)}.
 */
record IncrementingWait(long startNanos, long incrementNanos, long maxNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    int n = Nanos.exponent(state.attemptNumber());
    long value = Nanos.add(startNanos, Nanos.multiply(n, incrementNanos));
    return Math.min(maxNanos, value);
  }

  @Override
  public Description describe() {
    return Description.of("incrementing")
        .with("start", Description.nanos(startNanos))
        .with("increment", Description.nanos(incrementNanos))
        .with("max", Description.nanos(maxNanos));
  }

  @Override
  public String toString() {
    return "incrementing(start="
        + Nanos.format(startNanos)
        + ", increment="
        + Nanos.format(incrementNanos)
        + ", max="
        + Nanos.format(maxNanos)
        + ")";
  }
}
