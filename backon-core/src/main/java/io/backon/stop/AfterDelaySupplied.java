package io.backon.stop;

import io.backon.RetryState;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stops once the call has run for the duration returned by a supplier, asked on every check. See
 * {@link Stop#afterDelay(Supplier)}.
 */
record AfterDelaySupplied(Supplier<Duration> maxDelay) implements Stop {

  AfterDelaySupplied {
    Objects.requireNonNull(maxDelay, "maxDelay must not be null");
  }

  @Override
  public boolean shouldStop(RetryState state) {
    Duration limit = maxDelay.get();
    if (limit == null) {
      throw new IllegalStateException("maxDelay supplier returned null; it must return >= 0");
    }
    if (limit.isNegative()) {
      throw new IllegalStateException(
          "maxDelay supplier returned " + limit + "; it must return >= 0");
    }
    return state.elapsedNanos() >= StopChecks.saturatedNanos(limit);
  }

  @Override
  public String toString() {
    return "afterDelay(" + maxDelay + ")";
  }
}
