package io.backon.internal;

import io.backon.RetryStatistics;
import io.backon.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the statistics of the most recently completed call through one {@code Retrying}, whichever
 * thread made it (async calls complete on other threads). Only used when a policy opts in, since
 * recording reads the clock and allocates a snapshot. Thread-safe. Not API.
 */
public final class StatisticsRecorder {

  private final Clock clock;
  private volatile RetryStatistics last = RetryStatistics.NONE;

  /** A recorder converting times on {@code clock}. */
  public StatisticsRecorder(Clock clock) {
    this.clock = clock;
  }

  /** Records a finished call; times are readings of the recorder's clock. */
  public void record(long startNanos, long endNanos, int attempts, long idleNanos) {
    Instant start = clock.wallTime().minusNanos(Math.max(0L, clock.nanoTime() - startNanos));
    last = new RetryStatistics(start, attempts, Duration.ofNanos(Math.max(0L, endNanos - startNanos)),
        Duration.ofNanos(idleNanos));
  }

  /**
   * The most recently completed call recorded by {@code recorder}.
   *
   * @throws IllegalStateException when {@code recorder} is null: the policy keeps no statistics
   */
  public static RetryStatistics lastOf(@Nullable StatisticsRecorder recorder, String policyName) {
    if (recorder == null) {
      throw new IllegalStateException("statistics are off for policy '" + policyName
          + "'; enable them with RetryPolicy.builder().statistics(true)");
    }
    return recorder.last();
  }

  /** The most recently completed call, or {@link RetryStatistics#NONE} before the first. */
  public RetryStatistics last() {
    return last;
  }
}
