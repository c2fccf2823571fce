package io.backon.internal;

import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeCopyObserver;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Connects one hedged attempt to the retry budget (each extra copy needs a token, like a retry) and
 * to the breaker accounting of its copies (once a copy has won, the others release their breaker
 * permission instead of recording an outcome). Thread-safe. Not API.
 */
final class HedgeAccounting implements HedgeCopyObserver {

  private final @Nullable RetryBudget budget;
  private final AtomicBoolean decided = new AtomicBoolean();

  HedgeAccounting(@Nullable RetryBudget budget) {
    this.budget = budget;
  }

  /** Set once a copy has won. */
  AtomicBoolean decided() {
    return decided;
  }

  @Override
  public boolean mayStartHedge(int copyNumber) {
    return budget == null || budget.tryAcquireRetry();
  }

  @Override
  public void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {
    decided.set(true);
  }
}
