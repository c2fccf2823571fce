package io.backon.hedge;

import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a {@link HedgingPolicy}, declared once: the {@link HedgingPolicyBuilder} fills
 * one instance and each built policy wraps its own {@link #copy()}. Field defaults are the
 * documented defaults; the builder's setters validate.
 */
final class HedgeSettings implements Cloneable {

  int maxHedges = HedgingPolicy.DEFAULT_MAX_HEDGES;
  HedgeDelay hedgeDelay = HedgeDelay.fixed(HedgingPolicy.DEFAULT_HEDGE_DELAY);
  @Nullable Executor executor;
  Scheduler scheduler = Scheduler.shared();
  Clock clock = Clock.system();
  @Nullable HedgeListener onHedge;

  /** An independent copy (every field is an immutable value or a shared collaborator). */
  HedgeSettings copy() {
    try {
      return (HedgeSettings) super.clone();
    } catch (CloneNotSupportedException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
