package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudget;
import io.backon.stop.Stop;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The retry decision after an attempt, shared by every face through {@link CallState#decide()}: the
 * outcome's retryability, the wait, then the limits in their documented order. Reads and updates
 * the call's {@link CallState}; stateless itself. Not API.
 */
final class RetryDecision {

  private RetryDecision() {}

  /** See {@link CallState#decide()}. */
  static long decide(CallState state) {
    Pipeline pipeline = state.pipeline();
    RetryPolicy policy = state.policy();
    Throwable thrown = state.lastFailure();
    if (thrown != null) {
      if (!mayRetry(state, thrown)) {
        return CallState.GIVE_UP;
      }
    } else if (!pipeline.checksResults()
        || !policy.retryCondition().shouldRetry(state.lastResult(), null)) {
      RetryBudget budget = pipeline.budget();
      if (budget != null) {
        budget.onSuccess();
      }
      return CallState.SUCCESS;
    } else {
      spendBudget(policy);
    }
    long wait = computeWait(state, thrown);
    if (wait == Wait.EXHAUSTED) {
      return state.giveUp(GiveUpReason.WAIT_EXHAUSTED);
    }
    if (pipeline.limitsTriesOnly()) {
      wait = beforeOpenBreaker(state, wait);
      state.upcomingWait(wait);
      return triesExhausted(state) ? state.giveUp(GiveUpReason.MAX_TRIES) : wait;
    }
    return withinLimits(state, wait);
  }

  /**
   * Whether failure {@code thrown} may be retried; if not, the call gives up (interrupted, not
   * retryable, or the give-up predicate). A retryable failure costs the budget a token.
   */
  private static boolean mayRetry(CallState state, Throwable thrown) {
    RetryPolicy policy = state.policy();
    if (thrown instanceof InterruptedException
        || (state.isBlocking() && Thread.currentThread().isInterrupted())) {
      state.giveUp(GiveUpReason.INTERRUPTED);
      return false;
    }
    if (state.pipeline().aborts(thrown) || !policy.retryCondition().shouldRetry(null, thrown)) {
      state.giveUp(GiveUpReason.NOT_RETRYABLE);
      return false;
    }
    spendBudget(policy);
    Predicate<? super Throwable> giveUpIf = policy.giveUpIf();
    if (giveUpIf != null && giveUpIf.test(thrown)) {
      state.giveUp(GiveUpReason.GIVE_UP_PREDICATE);
      return false;
    }
    return true;
  }

  /**
   * The limits after the wait, in order: time limit, attempt limit, custom stop, deadline, retry
   * budget; returns the wait (shortened to the time limit, or dropped before an attempt the open
   * breaker is sure to reject), or gives up.
   */
  private static long withinLimits(CallState state, long wait) {
    RetryPolicy policy = state.policy();
    long maxTime = maxTimeNanos(state);
    if (maxTime >= 0) {
      long elapsed = state.elapsedNanos();
      if (elapsed >= maxTime) {
        return state.giveUp(GiveUpReason.MAX_TIME);
      }
      wait = Math.min(wait, maxTime - elapsed);
    }
    wait = beforeOpenBreaker(state, wait); // the wait as shortened: what the caller would sleep
    state.upcomingWait(wait);
    if (triesExhausted(state)) {
      return state.giveUp(GiveUpReason.MAX_TRIES);
    }
    Stop stop = policy.stop();
    if (stop != null && stop.shouldStop(state)) {
      return state.giveUp(GiveUpReason.STOP_CONDITION);
    }
    long deadline = policy.deadlineNanos();
    if (deadline >= 0 && wait >= deadline - state.elapsedNanos()) {
      return state.giveUp(GiveUpReason.DEADLINE_EXCEEDED);
    }
    RetryBudget budget = policy.retryBudget();
    if (budget != null && !budget.tryAcquireRetry()) {
      return state.giveUp(GiveUpReason.BUDGET_EXHAUSTED);
    }
    return wait;
  }

  /**
   * No wait before an attempt the policy's breaker is sure to reject: when it is OPEN for longer
   * than {@code wait} (or forced open), the next attempt is rejected at once instead of after the
   * back-off, so a call whose failures opened the breaker ends without holding its caller for a
   * wait that cannot help. A policy that {@linkplain RetryPolicy#retryOnCircuitOpen() retries on
   * rejections} waits as configured: it waits for the breaker on purpose.
   */
  private static long beforeOpenBreaker(CallState state, long wait) {
    BreakerLayer layer = state.pipeline().breaker();
    if (layer == null || wait <= 0L || state.policy().retryOnCircuitOpen()) {
      return wait;
    }
    CircuitBreaker breaker = layer.breaker();
    CircuitState now = breaker.state();
    if (now == CircuitState.FORCED_OPEN) {
      return 0L;
    }
    if (now != CircuitState.OPEN) {
      return wait;
    }
    long remaining = saturatedNanos(breaker.remainingOpenTime());
    return remaining > wait ? 0L : wait;
  }

  private static boolean triesExhausted(CallState state) {
    int maxTries = maxTries(state);
    return maxTries > 0 && state.attemptNumber() >= maxTries;
  }

  /** A retryable outcome (failure or rejected value) costs a budget token. */
  private static void spendBudget(RetryPolicy policy) {
    RetryBudget budget = policy.retryBudget();
    if (budget != null) {
      budget.onFailure();
    }
  }

  private static long computeWait(CallState state, @Nullable Throwable thrown) {
    RetryPolicy policy = state.policy();
    long wait;
    Function<? super Throwable, ? extends @Nullable Duration> override = policy.waitOverride();
    Duration overridden = thrown != null && override != null ? override.apply(thrown) : null;
    if (overridden != null) {
      wait = saturatedNanos(overridden);
    } else {
      wait = policy.waitStrategy().nextWaitNanos(state);
      if (wait == Wait.EXHAUSTED) {
        return Wait.EXHAUSTED;
      }
      wait = Math.max(0L, policy.jitter().apply(Math.max(0L, wait), state));
    }
    return state.overrides().noBackoff() ? 0L : wait;
  }

  private static long saturatedNanos(Duration duration) {
    if (duration.isNegative()) {
      return 0L;
    }
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  private static int maxTries(CallState state) {
    RetryPolicy policy = state.policy();
    int limit = policy.maxTries();
    IntSupplier supplier = policy.maxTriesSupplier();
    if (supplier != null) {
      limit = supplier.getAsInt();
      if (limit < 1) {
        throw new IllegalStateException(
            "maxTries supplier of policy '"
                + policy.name()
                + "' returned "
                + limit
                + "; it must return >= 1");
      }
    }
    int scoped = state.overrides().maxTriesLimit();
    if (scoped > 0 && (limit == 0 || scoped < limit)) {
      return scoped;
    }
    return limit;
  }

  private static long maxTimeNanos(CallState state) {
    RetryPolicy policy = state.policy();
    Supplier<Duration> supplier = policy.maxTimeSupplier();
    if (supplier == null) {
      return policy.maxTimeNanos();
    }
    Duration value = supplier.get();
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalStateException(
          "maxTime supplier of policy '"
              + policy.name()
              + "' returned "
              + value
              + "; it must return a positive duration");
    }
    return saturatedNanos(value);
  }
}
