package io.backon.hedge;

import io.backon.internal.support.Checks;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Builds a {@link HedgingPolicy}. Every setter validates at once and names the parameter, its value
 * and the rule. Not thread-safe; the policies it builds are.
 */
public final class HedgingPolicyBuilder {

  private final HedgeSettings s;

  HedgingPolicyBuilder() {
    this(new HedgeSettings());
  }

  HedgingPolicyBuilder(HedgeSettings settings) {
    this.s = settings;
  }

  /**
   * The most copies per call, the primary included ({@code 1} = no hedging); from 1 to {@value
   * HedgingPolicy#MAX_HEDGES_LIMIT}. Default {@value HedgingPolicy#DEFAULT_MAX_HEDGES}.
   */
  public HedgingPolicyBuilder maxHedges(int maxHedges) {
    s.maxHedges = Checks.between("maxHedges", maxHedges, 1, HedgingPolicy.MAX_HEDGES_LIMIT);
    return this;
  }

  /**
   * A fixed delay before each hedge; must be >= 0 ({@link Duration#ZERO} launches all copies at
   * once) and at most about 292 years. Default {@link HedgingPolicy#DEFAULT_HEDGE_DELAY}.
   */
  public HedgingPolicyBuilder hedgeDelay(Duration hedgeDelay) {
    s.hedgeDelay = HedgeDelay.fixed(hedgeDelay);
    return this;
  }

  /** The delay before each hedge, e.g. {@link HedgeDelay#percentile(double)}. */
  public HedgingPolicyBuilder hedgeDelay(HedgeDelay hedgeDelay) {
    s.hedgeDelay = Objects.requireNonNull(hedgeDelay, "hedgeDelay");
    return this;
  }

  /**
   * Where blocking copies run and async hedges start. Default: a virtual thread per task on JDK
   * 21+, else a cached daemon pool. A direct executor ({@code Runnable::run}) makes async tests
   * deterministic; for blocking copies it would run them on the launching thread, one after
   * another.
   */
  public HedgingPolicyBuilder executor(Executor executor) {
    s.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /** Runs the hedge timers. Default {@link Scheduler#shared()}; a ManualScheduler in tests. */
  public HedgingPolicyBuilder scheduler(Scheduler scheduler) {
    s.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Measures copy latencies (for observers and percentile delays). Default {@link Clock#system()}.
   */
  public HedgingPolicyBuilder clock(Clock clock) {
    s.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Told about every hedge launched, with its copy number (2 = first hedge). Default: none. */
  public HedgingPolicyBuilder onHedge(HedgeListener listener) {
    s.onHedge = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /** Builds the immutable policy. */
  public HedgingPolicy build() {
    return new HedgingPolicy(s.copy());
  }
}
