package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** {@code w + uniform(0, max)}, saturated; see {@link Jitter#random(java.time.Duration)}. */
record RandomJitter(long maxNanos) implements Jitter {

  @Override
  public long apply(long waitNanos, RetryState state) {
    return Nanos.add(Nanos.clamp(waitNanos), Nanos.uniform(state.random(), 0L, maxNanos));
  }

  @Override
  public Description describe() {
    return Description.of("random").with("max", Description.nanos(maxNanos));
  }

  @Override
  public String toString() {
    return "random(max=" + Nanos.format(maxNanos) + ")";
  }
}
