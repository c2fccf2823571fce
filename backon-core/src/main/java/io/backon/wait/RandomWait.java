package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * Uniform in {@code [min, max]}; see {@link Wait#random(java.time.Duration, java.time.Duration)}.
 */
record RandomWait(long minNanos, long maxNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    return Nanos.uniform(state.random(), minNanos, maxNanos);
  }

  @Override
  public Description describe() {
    return Description.of("random")
        .with("min", Description.nanos(minNanos))
        .with("max", Description.nanos(maxNanos));
  }

  @Override
  public String toString() {
    return "random(min=" + Nanos.format(minNanos) + ", max=" + Nanos.format(maxNanos) + ")";
  }
}
