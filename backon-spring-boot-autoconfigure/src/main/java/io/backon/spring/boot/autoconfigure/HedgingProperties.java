package io.backon.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hedged requests of one policy ({@code backon.policies.<name>.hedging.*}): while an attempt is
 * slow, extra copies start; the first success wins and the others are cancelled. Mutable JavaBean
 * for binding only.
 */
public class HedgingProperties {

  /**
   * Copies of an attempt in flight at most, the first included, as HedgingPolicy.maxHedges counts
   * them: 1 = no hedging, 2 = the first copy and one hedge. Needs
   * backon.max-hedges-includes-first=true. Default: no hedging.
   */
  private @Nullable Integer maxHedges;

  /** Fixed delay before each hedge; 0 starts all copies at once. Default 100ms. */
  private @Nullable Duration delay;

  /**
   * Adaptive delay: the percentile (0 < p < 100) of recent attempt durations, e.g. 95. Replaces
   * delay when set.
   */
  private @Nullable Double delayPercentile;

  /** Copies in flight at most, the first included. */
  public @Nullable Integer getMaxHedges() {
    return maxHedges;
  }

  /** Sets the copies in flight at most, the first included. */
  public void setMaxHedges(@Nullable Integer maxHedges) {
    this.maxHedges = maxHedges;
  }

  /** The fixed hedge delay. */
  public @Nullable Duration getDelay() {
    return delay;
  }

  /** Sets the fixed hedge delay. */
  public void setDelay(@Nullable Duration delay) {
    this.delay = delay;
  }

  /** The adaptive delay's percentile. */
  public @Nullable Double getDelayPercentile() {
    return delayPercentile;
  }

  /** Sets the adaptive delay's percentile. */
  public void setDelayPercentile(@Nullable Double delayPercentile) {
    this.delayPercentile = delayPercentile;
  }
}
