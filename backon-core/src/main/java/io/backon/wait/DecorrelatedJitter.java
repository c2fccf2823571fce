package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * AWS "decorrelated jitter": {@code min(cap, uniform(w, max(w, previous * 3)))}, where {@code
 * previous} is the wait before the attempt that just finished ({@code w} when there was none). See
 * {@link Jitter#decorrelated(java.time.Duration)}.
 */
record DecorrelatedJitter(long capNanos) implements Jitter {

  @Override
  public long apply(long waitNanos, RetryState state) {
    long wait = Nanos.clamp(waitNanos);
    long previous = state.previousWaitNanos() > 0 ? state.previousWaitNanos() : wait;
    long upper = Math.max(wait, Nanos.multiply(previous, 3L));
    return Math.min(capNanos, Nanos.uniform(state.random(), wait, upper));
  }

  @Override
  public Description describe() {
    return Description.of("decorrelated").with("cap", Description.nanos(capNanos));
  }

  @Override
  public String toString() {
    return "decorrelated(cap=" + Nanos.format(capNanos) + ")";
  }
}
