package io.backon.wait;

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
  public String toString() {
    return "random(min=" + Nanos.format(minNanos) + ", max=" + Nanos.format(maxNanos) + ")";
  }
}
