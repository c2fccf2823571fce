package io.backon.hedge;

import io.backon.internal.support.DefaultExecutors;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * How to hedge a call: run up to {@link #maxHedges()} copies of it, launching the next one when no
 * copy has succeeded {@link #hedgeDelay() hedgeDelay} after the previous launch, or at once when a
 * copy fails; the first success wins and the other copies are cancelled. Run calls with {@link
 * Hedging}.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_HEDGES} copies in total (the primary and one hedge), a fixed
 * delay of {@link #DEFAULT_HEDGE_DELAY} (100 ms), blocking copies on Backon's default executor (a
 * virtual thread per copy on JDK 21+, else a cached daemon pool), timers on {@link
 * Scheduler#shared()}, the {@link Clock#system() system clock}, no {@code onHedge} listener.
 *
 * <p>Immutable and thread-safe; share one policy between calls (a {@link HedgeDelay#percentile}
 * delay then learns from all of them). Build with {@link #builder()}.
 */
public final class HedgingPolicy {

  /** Default number of copies in total, the primary included: 2 (one hedge). */
  public static final int DEFAULT_MAX_HEDGES = 2;

  /**
   * The largest {@link #maxHedges()}: 100 copies per call. A zero hedge delay launches them all at
   * once, so a larger count would only multiply the load on the downstream.
   */
  public static final int MAX_HEDGES_LIMIT = 100;

  /** Default delay before each hedge: 100 ms. */
  public static final Duration DEFAULT_HEDGE_DELAY = Duration.ofMillis(100);

  private static final HedgingPolicy DEFAULTS = builder().build();

  private final HedgeSettings settings;

  HedgingPolicy(HedgeSettings settings) {
    this.settings = settings;
  }

  /** A new builder with the defaults. */
  public static HedgingPolicyBuilder builder() {
    return new HedgingPolicyBuilder();
  }

  /** The policy with every default. */
  public static HedgingPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder holding this policy's settings. */
  public HedgingPolicyBuilder toBuilder() {
    return new HedgingPolicyBuilder(settings.copy());
  }

  /**
   * The most copies one call runs, <em>including the primary</em>: {@code 1} disables hedging,
   * {@code 3} means the primary and up to two hedges. Also bounds the copies in flight at once.
   */
  public int maxHedges() {
    return settings.maxHedges;
  }

  /** The delay before each hedge. */
  public HedgeDelay hedgeDelay() {
    return settings.hedgeDelay;
  }

  /**
   * Where blocking copies run ({@link Hedging#call}) and where async hedges are started ({@link
   * Hedging#callAsync}, so a timer thread never runs user code). Default: Backon's default executor
   * (a virtual thread per task on JDK 21+, else a cached daemon pool).
   */
  public Executor executor() {
    Executor configured = settings.executor;
    return configured != null ? configured : DefaultExecutors.blocking();
  }

  /** Runs the hedge timers. Default {@link Scheduler#shared()}. */
  public Scheduler scheduler() {
    return settings.scheduler;
  }

  /** Measures copy latencies. Default {@link Clock#system()}. */
  public Clock clock() {
    return settings.clock;
  }

  /** Told about every hedge launched, or {@code null} when none was set. */
  public @Nullable HedgeListener onHedge() {
    return settings.onHedge;
  }

  @Override
  public String toString() {
    return "HedgingPolicy{maxHedges="
        + settings.maxHedges
        + ", hedgeDelay="
        + settings.hedgeDelay
        + '}';
  }
}
