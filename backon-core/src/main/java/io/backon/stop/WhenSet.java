package io.backon.stop;

import io.backon.RetryState;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Stops once a shared flag is {@code true}. See {@link Stop#whenSet(AtomicBoolean)}. */
record WhenSet(AtomicBoolean flag) implements Stop {

  WhenSet {
    Objects.requireNonNull(flag, "flag must not be null");
  }

  @Override
  public boolean shouldStop(RetryState state) {
    return flag.get();
  }

  @Override
  public String toString() {
    return "whenSet(flag=" + flag.get() + ")";
  }
}
