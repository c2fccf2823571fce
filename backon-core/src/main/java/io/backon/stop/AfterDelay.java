package io.backon.stop;

import io.backon.RetryState;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Stops once the call has run for {@code delay}. See {@link Stop#afterDelay(Duration)}. */
final class AfterDelay implements Stop {

  private final Duration delay;
  private final long limitNanos;

  AfterDelay(Duration delay) {
    this.delay = StopChecks.delay(delay, "delay");
    this.limitNanos = StopChecks.saturatedNanos(delay);
  }

  @Override
  public boolean shouldStop(RetryState state) {
    return state.elapsedNanos() >= limitNanos;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof AfterDelay that && delay.equals(that.delay);
  }

  @Override
  public int hashCode() {
    return delay.hashCode();
  }

  @Override
  public String toString() {
    return "afterDelay(" + delay + ")";
  }
}
