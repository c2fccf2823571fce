package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** Uniform in {@code [0, w]}; see {@link Jitter#full()}. */
enum FullJitter implements Jitter {
  INSTANCE;

  @Override
  public long apply(long waitNanos, RetryState state) {
    return Nanos.uniform(state.random(), 0L, Nanos.clamp(waitNanos));
  }

  @Override
  public Description describe() {
    return Description.of("full");
  }

  @Override
  public String toString() {
    return "full()";
  }
}
