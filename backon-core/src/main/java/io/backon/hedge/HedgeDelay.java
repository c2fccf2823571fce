package io.backon.hedge;

import io.backon.Describable;
import io.backon.Description;
import java.time.Duration;

/**
 * How long a hedged call waits for a result before launching the next copy. The delay is read once
 * when a call starts and used for every hedge of that call: hedge {@code k} starts {@code delay}
 * after copy {@code k-1} was launched (earlier if a copy fails). A delay of zero launches all
 * copies at once.
 *
 * <p>Two kinds: {@link #fixed(Duration)} and {@link #percentile(double)}, which adapts to a rolling
 * window of the latencies of recent successful copies. Implementations must be thread-safe: one
 * instance is shared by every call of every policy holding it (sharing a percentile delay shares
 * its estimate).
 */
public interface HedgeDelay extends Describable {

  /** Delay used by {@link #percentile} until it has enough samples: 100 ms. */
  Duration DEFAULT_FALLBACK = Duration.ofMillis(100);

  /** Number of recent latencies {@link #percentile} keeps: 128. */
  int DEFAULT_WINDOW = 128;

  /**
   * The largest {@code window} of {@link #percentile(double, int, int, Duration)}: 10,000 latencies
   * (80 KB, copied and sorted whenever a new sample changes the estimate).
   */
  int MAX_WINDOW = 10_000;

  /** Number of samples {@link #percentile} needs before it trusts its estimate: 16. */
  int DEFAULT_MIN_SAMPLES = 16;

  /** The delay before the next hedge, in nanoseconds; never negative. Must be cheap. */
  long delayNanos();

  /**
   * Records the latency of a copy that won its call (from launch to success, in nanoseconds of the
   * policy's clock). Fixed delays ignore it. Called concurrently by many calls.
   */
  default void recordLatency(long latencyNanos) {}

  /**
   * Always {@code delay}.
   *
   * @throws IllegalArgumentException if {@code delay} is negative ({@code "hedgeDelay must be >= 0
   *     but was PT-1S"}) or longer than {@code Long.MAX_VALUE} nanoseconds (about 292 years)
   */
  static HedgeDelay fixed(Duration delay) {
    return new FixedHedgeDelay(HedgeDurations.nonNegativeNanos("hedgeDelay", delay));
  }

  /**
   * The {@code percentile}-th percentile (nearest rank) of the last {@value #DEFAULT_WINDOW}
   * successful copies' latencies; {@link #DEFAULT_FALLBACK} until {@value #DEFAULT_MIN_SAMPLES}
   * samples were recorded. E.g. {@code percentile(95)} hedges only the slowest ~5% of calls.
   *
   * @param percentile in {@code (0, 100]}
   */
  static HedgeDelay percentile(double percentile) {
    return percentile(percentile, DEFAULT_WINDOW, DEFAULT_MIN_SAMPLES, DEFAULT_FALLBACK);
  }

  /** Like {@link #percentile(double)} with another fallback delay ({@code >= 0}). */
  static HedgeDelay percentile(double percentile, Duration fallback) {
    return percentile(percentile, DEFAULT_WINDOW, DEFAULT_MIN_SAMPLES, fallback);
  }

  /**
   * The {@code percentile}-th percentile (nearest rank) of the last {@code window} successful
   * copies' latencies, or {@code fallback} while fewer than {@code minSamples} were recorded.
   * Memory is bounded by {@code window} longs; recording is lock-free. Under concurrent recording
   * the estimate may lag by a few samples.
   *
   * @param percentile in {@code (0, 100]}
   * @param window how many recent latencies to keep, in {@code [1, MAX_WINDOW]}
   * @param minSamples samples needed before the estimate is used, in {@code [1, window]}
   * @param fallback the delay before that, {@code >= 0} and at most about 292 years
   */
  static HedgeDelay percentile(double percentile, int window, int minSamples, Duration fallback) {
    return new PercentileHedgeDelay(
        percentile, window, minSamples, HedgeDurations.nonNegativeNanos("fallback", fallback));
  }

  /**
   * What this strategy is: the built-in ones give their factory name and parameters; your own
   * implementations give kind {@code custom} and their class name unless they override this.
   */
  @Override
  default Description describe() {
    return Description.of("custom").with("class", getClass().getName());
  }
}
