package io.backon.internal;

import io.backon.RetryStatistics;
import io.backon.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Records the statistics of a finished call into the holder of one {@code Retrying} (or Reactor
 * operator): the most recently completed call wins, whichever thread made it. Only used when a
 * policy opts in, since recording reads the clock and allocates a snapshot. Not API.
 */
final class Statistics {

  private Statistics() {}

  /**
   * Records a finished call into {@code sink}, if any; times are readings of {@code clock}.
   *
   * @param idleNanos the time spent waiting between attempts
   */
  static void record(
      @Nullable AtomicReference<RetryStatistics> sink,
      Clock clock,
      long startNanos,
      long endNanos,
      int attempts,
      long idleNanos) {
    if (sink == null) {
      return;
    }
    Instant start = clock.wallTime().minusNanos(Math.max(0L, clock.nanoTime() - startNanos));
    sink.set(
        new RetryStatistics(
            start,
            attempts,
            Duration.ofNanos(Math.max(0L, endNanos - startNanos)),
            Duration.ofNanos(idleNanos)));
  }

  /**
   * The most recently completed call recorded in {@code sink}.
   *
   * @throws IllegalStateException when {@code sink} is null: the policy keeps no statistics
   */
  static RetryStatistics last(@Nullable AtomicReference<RetryStatistics> sink, String policyName) {
    if (sink == null) {
      throw new IllegalStateException(
          "statistics are off for policy '"
              + policyName
              + "'; enable them with RetryPolicy.builder().statistics(true)");
    }
    return sink.get();
  }
}
