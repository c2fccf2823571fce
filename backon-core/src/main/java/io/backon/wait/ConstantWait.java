package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** The same wait before every attempt; see {@link Wait#constant(java.time.Duration)}. */
record ConstantWait(long intervalNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    return intervalNanos;
  }

  @Override
  public Description describe() {
    return Description.of("constant").with("interval", Description.nanos(intervalNanos));
  }

  @Override
  public String toString() {
    return "constant(" + Nanos.format(intervalNanos) + ")";
  }
}
