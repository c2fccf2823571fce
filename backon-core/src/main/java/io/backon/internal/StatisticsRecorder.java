package io.backon.internal;

import io.backon.RetryStatistics;
import io.backon.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the statistics of the last call made on each thread through one {@code Retrying}. One
 * mutable slot per thread, so recording allocates nothing after a thread's first call. Not API.
 */
public final class StatisticsRecorder {

  private final ThreadLocal<long[]> slots = ThreadLocal.withInitial(() -> new long[4]);
  private final Clock clock;

  /** A recorder converting times on {@code clock}. */
  public StatisticsRecorder(Clock clock) {
    this.clock = clock;
  }

  /** Records a finished call of the current thread. */
  public void record(long startNanos, long endNanos, int attempts, long idleNanos) {
    long[] slot = slots.get();
    slot[0] = startNanos;
    slot[1] = endNanos;
    slot[2] = attempts;
    slot[3] = idleNanos;
  }

  /** The current thread's last call, or {@link RetryStatistics#NONE} before its first call. */
  public RetryStatistics last() {
    long[] slot = slots.get();
    if (slot[2] == 0) {
      return RetryStatistics.NONE;
    }
    Instant start = clock.wallTime().minusNanos(Math.max(0L, clock.nanoTime() - slot[0]));
    return new RetryStatistics(start, (int) slot[2], Duration.ofNanos(Math.max(0L, slot[1] - slot[0])),
        Duration.ofNanos(slot[3]));
  }
}
