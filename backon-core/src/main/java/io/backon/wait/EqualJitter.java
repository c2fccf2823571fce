package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/** Uniform in {@code [w - w/2, w]}, i.e. half fixed and half random; see {@link Jitter#equal()}. */
enum EqualJitter implements Jitter {
  INSTANCE;

  @Override
  public long apply(long waitNanos, RetryState state) {
    long wait = Nanos.clamp(waitNanos);
    long half = wait / 2;
    return (wait - half) + Nanos.uniform(state.random(), 0L, half);
  }

  @Override
  public Description describe() {
    return Description.of("equal");
  }

  @Override
  public String toString() {
    return "equal()";
  }
}
