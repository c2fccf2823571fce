package io.backon.breaker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The measurements of one CLOSED period: consecutive failures and the optional sliding window, and
 * the opening rules over them. A fresh instance starts every CLOSED period; other states keep the
 * previous one, frozen, for {@link CircuitBreaker#snapshot()}. Lock-free; a success allocates
 * nothing.
 */
final class ClosedMetrics {

  private final CircuitBreakerConfig config;
  private final @Nullable CallWindow window;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicInteger warmUp = new AtomicInteger();

  ClosedMetrics(CircuitBreakerConfig config) {
    this.config = config;
    this.window =
        switch (config.slidingWindowType()) {
          case COUNT_BASED -> new CountWindow(config.slidingWindowSize());
          case TIME_BASED -> new TimeWindow(config.slidingWindowSize(), config.clock());
          default -> null;
        };
  }

  /** Records a success; {@code true} when the breaker should open (a slow call tipped the rate). */
  boolean recordSuccess(boolean slow) {
    boolean afterFailures = consecutiveFailures.get() != 0;
    if (afterFailures) {
      consecutiveFailures.set(0);
    }
    CallWindow w = window;
    if (w == null) {
      return false;
    }
    w.record(slow ? CallWindow.SLOW : 0);
    // A fast success can only tip the rates when it follows failures or completes minimumCalls.
    return (slow || afterFailures || warmingUp()) && ratesExceeded(w);
  }

  /** Counts calls until {@code minimumCalls}; true while this call may be the one reaching it. */
  private boolean warmingUp() {
    int minimum = config.minimumCalls();
    return warmUp.get() < minimum && warmUp.incrementAndGet() <= minimum;
  }

  /** Records a failure; {@code true} when the breaker should open. */
  boolean recordFailure(boolean slow) {
    int failures;
    do {
      failures = consecutiveFailures.get();
    } while (failures < Integer.MAX_VALUE
        && !consecutiveFailures.compareAndSet(failures, failures + 1));
    failures = failures == Integer.MAX_VALUE ? failures : failures + 1;
    int threshold = config.failureThreshold();
    boolean open = threshold > 0 && failures >= threshold;
    CallWindow w = window;
    if (w != null) {
      warmingUp();
      w.record(CallWindow.FAILED | (slow ? CallWindow.SLOW : 0));
      open |= ratesExceeded(w);
    }
    return open;
  }

  private boolean ratesExceeded(CallWindow w) {
    CallWindow.Totals totals = w.totals();
    int minimum = config.minimumCalls();
    if (totals.calls() < minimum) {
      return false;
    }
    if (totals.rate(totals.failed(), minimum) >= config.failureRateThreshold()) {
      return true;
    }
    return config.slowCallNanos() > 0
        && totals.rate(totals.slow(), minimum) >= config.slowCallRateThreshold();
  }

  CircuitBreakerSnapshot snapshot(CircuitState state, long rejected, Duration timeInState) {
    CallWindow w = window;
    CallWindow.Totals totals = w == null ? CallWindow.Totals.EMPTY : w.totals();
    int minimum = w == null ? Integer.MAX_VALUE : config.minimumCalls();
    double failureRate = totals.rate(totals.failed(), minimum);
    double slowRate = config.slowCallNanos() > 0 ? totals.rate(totals.slow(), minimum) : Double.NaN;
    return new CircuitBreakerSnapshot(
        state,
        failureRate,
        slowRate,
        totals.calls(),
        totals.failed(),
        totals.slow(),
        consecutiveFailures.get(),
        rejected,
        timeInState);
  }
}
