package io.backon.spring.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Hedged requests of one policy ({@code backon.policies.<name>.hedging.*}): while an attempt is
 * slow, extra copies start; the first success wins and the others are cancelled. Mutable JavaBean
 * for binding only.
 */
public class HedgingProperties {

  /** Extra copies per attempt; 0 turns hedging off. Default 0 (off). */
  private @Nullable Integer maxHedges;

  /** Fixed delay before each extra copy; 0 starts all copies at once. Default 100ms. */
  private @Nullable Duration delay;

  /** Adaptive delay: the percentile (0 < p < 100) of recent attempt durations, e.g. 95. Replaces delay when set. */
  private @Nullable Double delayPercentile;

  /** Extra copies per attempt. */
  public @Nullable Integer getMaxHedges() {
    return maxHedges;
  }

  /** Sets the extra copies per attempt. */
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
