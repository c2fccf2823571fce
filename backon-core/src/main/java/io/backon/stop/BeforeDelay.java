package io.backon.stop;

import io.backon.RetryState;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Stops when the upcoming wait would end at or after {@code delay} since the call started. See
 * {@link Stop#beforeDelay(Duration)}.
 */
final class BeforeDelay implements Stop {

  private final Duration delay;
  private final long limitNanos;

  BeforeDelay(Duration delay) {
    this.delay = StopChecks.delay(delay, "delay");
    this.limitNanos = StopChecks.saturatedNanos(delay);
  }

  @Override
  public boolean shouldStop(RetryState state) {
    return StopChecks.saturatedAdd(state.elapsedNanos(), state.upcomingWaitNanos()) >= limitNanos;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof BeforeDelay that && delay.equals(that.delay);
  }

  @Override
  public int hashCode() {
    return delay.hashCode();
  }

  @Override
  public String toString() {
    return "beforeDelay(" + delay + ")";
  }
}
