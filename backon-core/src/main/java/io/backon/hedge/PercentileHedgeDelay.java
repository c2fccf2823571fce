package io.backon.hedge;

import io.backon.Description;
import io.backon.internal.support.Checks;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * {@link HedgeDelay#percentile}: a ring of the last {@code window} winning latencies. Recording
 * claims a slot with one atomic increment and writes it (lock-free); the percentile is recomputed
 * (copy + sort of at most {@code window} longs) only when a sample was added since the last read.
 * Thread-safe.
 */
final class PercentileHedgeDelay implements HedgeDelay {

  private static final long EMPTY = -1L;

  private final double percentile;
  private final int minSamples;
  private final long fallbackNanos;
  private final AtomicLongArray ring;
  private final AtomicLong claimed = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private volatile Estimate estimate;

  /** The last computed delay and the number of published samples it was computed from. */
  private record Estimate(long version, long delayNanos) {}

  PercentileHedgeDelay(double percentile, int window, int minSamples, long fallbackNanos) {
    if (!(percentile > 0.0 && percentile <= 100.0)) {
      throw new IllegalArgumentException("percentile must be > 0 and <= 100 but was " + percentile);
    }
    Checks.between("window", window, 1, MAX_WINDOW);
    if (minSamples < 1 || minSamples > window) {
      throw new IllegalArgumentException(
          "minSamples must be >= 1 and <= window (" + window + ") but was " + minSamples);
    }
    this.percentile = percentile;
    this.minSamples = minSamples;
    this.fallbackNanos = fallbackNanos;
    this.ring = new AtomicLongArray(window);
    for (int i = 0; i < window; i++) {
      ring.set(i, EMPTY);
    }
    this.estimate = new Estimate(0, fallbackNanos);
  }

  @Override
  public long delayNanos() {
    long version = published.get();
    Estimate current = estimate;
    if (current.version() == version) {
      return current.delayNanos();
    }
    long computed = compute();
    estimate = new Estimate(version, computed);
    return computed;
  }

  @Override
  public void recordLatency(long latencyNanos) {
    long slot = claimed.getAndIncrement();
    ring.set((int) (slot % ring.length()), Math.max(0L, latencyNanos));
    published.incrementAndGet();
  }

  /** How many samples the window holds now (at most {@code window}). */
  int samples() {
    return (int) Math.min(published.get(), ring.length());
  }

  private long compute() {
    long[] values = new long[ring.length()];
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      long value = ring.get(i);
      if (value != EMPTY) {
        values[count++] = value;
      }
    }
    if (count < minSamples) {
      return fallbackNanos;
    }
    Arrays.sort(values, 0, count);
    int rank = (int) Math.ceil(percentile * count / 100.0);
    return values[Math.min(Math.max(rank, 1), count) - 1];
  }

  /** Kind {@code percentile}: the settings and {@code currentDelay}, the delay used now. */
  @Override
  public Description describe() {
    return Description.of("percentile")
        .with("percentile", percentile)
        .with("window", ring.length())
        .with("minSamples", minSamples)
        .with("fallback", Description.nanos(fallbackNanos))
        .with("currentDelay", Description.nanos(delayNanos()));
  }

  @Override
  public String toString() {
    return "percentile("
        + percentile
        + ", window="
        + ring.length()
        + ", minSamples="
        + minSamples
        + ", fallback="
        + Duration.ofNanos(fallbackNanos)
        + ")";
  }
}
