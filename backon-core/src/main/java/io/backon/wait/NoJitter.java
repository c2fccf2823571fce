package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** The wait unchanged; see {@link Jitter#none()}. */
enum NoJitter implements Jitter {
  INSTANCE;

  @Override
  public long apply(long waitNanos, RetryState state) {
    return Nanos.clamp(waitNanos);
  }

  @Override
  public Description describe() {
    return Description.of("none");
  }

  @Override
  public String toString() {
    return "none()";
  }
}
