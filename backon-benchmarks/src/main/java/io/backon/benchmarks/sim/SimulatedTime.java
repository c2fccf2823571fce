package io.backon.benchmarks.sim;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Simulated time for the simulations: a {@link FakeClock} moved in fixed ticks, each tick running
 * the {@link ManualScheduler} tasks that became due. An event is observed at the end of the tick it
 * falls in, so measured latencies are exact to within one tick.
 */
final class SimulatedTime {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final long tickNanos;
  private final long origin = clock.nanoTime();

  SimulatedTime(Duration tick) {
    this.tickNanos = tick.toNanos();
  }

  FakeClock clock() {
    return clock;
  }

  ManualScheduler scheduler() {
    return scheduler;
  }

  /** Nanoseconds since the simulation started. */
  long now() {
    return clock.nanoTime() - origin;
  }

  /** Moves time forward by {@code duration}, tick by tick. */
  void run(Duration duration) {
    long target = now() + duration.toNanos();
    while (now() < target) {
      clock.advanceNanos(Math.min(tickNanos, target - now()));
    }
  }

  /** The nearest-rank percentile ({@code 0 < p <= 100}) of {@code values}, which it sorts. */
  static long percentile(long[] values, double p) {
    Arrays.sort(values);
    int rank = (int) Math.ceil(p / 100.0 * values.length);
    return values[Math.max(rank, 1) - 1];
  }

  /** Nanoseconds as milliseconds with one decimal. */
  static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }

  /** A ratio with two decimals. */
  static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
