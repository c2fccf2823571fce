package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One blocking copy of an attempt with the inner layers applied, in the documented order: circuit
 * breaker → (hedging happens around this) → attempt timeout → target. The breaker is asked for
 * permission before the copy and told its outcome after; a copy that lost to another hedged copy
 * releases its permission instead (neither success nor failure). The timeout interrupts the copy's
 * own thread. Not API.
 */
final class GuardedCopy<T extends @Nullable Object> implements Callable<T> {

  private final RetryPolicy policy;
  private final Callable<T> target;
  private final String targetName;
  private final int attempt;
  private final @Nullable AtomicBoolean decided;
  private final @Nullable AttemptGuard deadline;

  /**
   * @param decided set once another copy of the same attempt has won; {@code null} without hedging
   * @param deadline the caller's deadline guard: a copy cut short by it is neither a success nor a
   *     failure for the breaker; {@code null} without a deadline
   */
  GuardedCopy(RetryPolicy policy, Callable<T> target, String targetName, int attempt,
      @Nullable AtomicBoolean decided, @Nullable AttemptGuard deadline) {
    this.policy = policy;
    this.target = target;
    this.targetName = targetName;
    this.attempt = attempt;
    this.decided = decided;
    this.deadline = deadline;
  }

  @Override
  public T call() throws Exception {
    CircuitBreaker breaker = policy.circuitBreaker();
    if (breaker != null) {
      breaker.acquirePermission();
    }
    Clock clock = policy.clock();
    boolean slowCalls = breaker != null && breaker.measuresDurations();
    long start = slowCalls ? clock.nanoTime() : 0L;
    long timeout = policy.attemptTimeoutNanos();
    AttemptGuard guard = timeout >= 0 ? AttemptGuard.start(policy.scheduler(), timeout) : null;
    T value = null;
    Throwable failure = null;
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(attempt);
    try {
      value = target.call();
    } catch (VirtualMachineError fatal) {
      if (guard != null) {
        guard.finish();
      }
      if (breaker != null) {
        breaker.releasePermission();
      }
      throw fatal;
    } catch (Throwable thrown) {
      failure = thrown;
    } finally {
      context.restore(saved);
    }
    if (guard != null && guard.finish()) {
      AttemptTimeoutException timedOut =
          new AttemptTimeoutException(targetName, attempt, Duration.ofNanos(timeout));
      if (failure != null) {
        timedOut.addSuppressed(failure);
      }
      failure = timedOut;
      value = null;
    }
    if (breaker != null) {
      AtomicBoolean won = decided;
      AttemptGuard cut = deadline;
      report(breaker, slowCalls ? clock.nanoTime() - start : 0L, value, failure,
          (won != null && won.get()) || (cut != null && cut.fired()));
    }
    if (failure != null) {
      throw Exceptions.propagate(failure);
    }
    return Nulls.cast(value);
  }

  /**
   * Tells {@code breaker} how a permitted copy ended: its failure or its value, or nothing (the
   * permission is released) when the copy lost to another or was cut short by the deadline.
   */
  static void report(CircuitBreaker breaker, long durationNanos, @Nullable Object value,
      @Nullable Throwable failure, boolean noVerdict) {
    if (noVerdict) {
      breaker.releasePermission();
    } else if (failure != null) {
      breaker.onError(durationNanos, failure);
    } else {
      breaker.onResult(durationNanos, value);
    }
  }

  @Override
  public String toString() {
    return target.toString();
  }
}
