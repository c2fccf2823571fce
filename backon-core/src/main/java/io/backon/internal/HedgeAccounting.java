package io.backon.internal;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgeOutcome;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Connects one hedged attempt to the retry budget (each extra copy needs a token, like a retry), to
 * the breaker (no hedge is launched while it is open: a rejected primary ends the attempt) and to
 * the breaker accounting of its copies (once a copy has won, the others release their breaker
 * permission instead of recording an outcome), and reports how the race ended to the attempt's
 * instrumentation. Shared by every face that hedges. Thread-safe. Not API.
 */
public final class HedgeAccounting implements HedgeCopyObserver {

  private final @Nullable RetryBudget budget;
  private final @Nullable CircuitBreaker breaker;
  private final @Nullable AttemptTrace trace;
  private final AtomicBoolean decided = new AtomicBoolean();

  /**
   * The accounting of one hedged attempt under {@code policy}.
   *
   * @param trace the attempt's tracing, told how the race ended; {@code null} without one
   */
  public HedgeAccounting(RetryPolicy policy, @Nullable AttemptTrace trace) {
    this.budget = policy.retryBudget();
    this.breaker = policy.circuitBreaker();
    this.trace = trace;
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

  @Override
  public void hedgedCallEnded(HedgeOutcome outcome) {
    AttemptTrace attempt = trace;
    if (attempt != null) {
      attempt.hedgeEnded(outcome);
    }
  }
}
