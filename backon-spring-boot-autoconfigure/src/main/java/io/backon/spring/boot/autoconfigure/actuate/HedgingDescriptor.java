package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.hedge.HedgingPolicy;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hedging settings of a policy, as {@code /actuator/backon} shows them.
 *
 * @param maxHedges copies of an attempt in flight at most, the first included (the same number as
 *     {@code hedging.max-hedges}, {@code @Backon(hedges)} and {@link HedgingPolicy#maxHedges()})
 * @param delay the delay before each hedge: {@code {"kind":"fixed","delay":"PT0.05S"}} or {@code
 *     {"kind":"percentile","percentile":95.0,...,"currentDelay":"PT0.012S"}}
 */
public record HedgingDescriptor(int maxHedges, Map<String, @Nullable Object> delay) {

  /** Describes {@code hedging}. */
  public static HedgingDescriptor of(HedgingPolicy hedging) {
    return new HedgingDescriptor(
        hedging.maxHedges(), JsonValues.of(hedging.hedgeDelay().describe()));
  }
}
