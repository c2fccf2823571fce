package io.backon.internal;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeCopyObserver;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Connects one hedged attempt to the retry budget (each extra copy needs a token, like a retry), to
 * the breaker (no hedge is launched while it is open: a rejected primary ends the attempt) and to
 * the breaker accounting of its copies (once a copy has won, the others release their breaker
 * permission instead of recording an outcome). Shared by every face that hedges. Thread-safe. Not
 * API.
 */
public final class HedgeAccounting implements HedgeCopyObserver {

  private final @Nullable RetryBudget budget;
  private final @Nullable CircuitBreaker breaker;
  private final AtomicBoolean decided = new AtomicBoolean();

  /** The accounting of one hedged attempt under {@code policy}. */
  public HedgeAccounting(RetryPolicy policy) {
    this.budget = policy.retryBudget();
    this.breaker = policy.circuitBreaker();
  }

  /** Set once a copy has won. */
  public AtomicBoolean decided() {
    return decided;
  }

  @Override
  public boolean mayStartHedge(int copyNumber) {
    CircuitBreaker guard = breaker;
    if (guard != null) {
      CircuitState state = guard.state();
      if (state == CircuitState.OPEN || state == CircuitState.FORCED_OPEN) {
        return false;
      }
    }
    return budget == null || budget.tryAcquireRetry();
  }

  @Override
  public void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {
    decided.set(true);
  }
}
