package io.backon.internal;

import io.backon.CheckedRunnable;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.Hedging;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The blocking retry loop behind every synchronous face. The first attempt runs without allocating
 * anything, through the policy's circuit breaker if it has one; the {@link CallState} and its
 * events appear only once an attempt fails or a value must be checked, or from the start when the
 * policy has listeners, a deadline, an instrumentation, hedging or an attempt timeout. Not API.
 */
public final class SyncEngine {

  /** {@link #settle} result: the call succeeded with the attempt's value. */
  public static final int SUCCEEDED = 0;
  /** {@link #settle} result: the call gave up; finish it with {@link Settlement#giveUp}. */
  public static final int GAVE_UP = 1;
  /** {@link #settle} result: the back-off was slept; the next attempt may start. */
  public static final int RETRY = 2;

  static {
    LayerTypes.load(); // lets the JIT inline the policy accessors of the fast path
  }

  private SyncEngine() {}

  /**
   * Calls {@code target} under {@code policy} on the calling thread.
   *
   * @param invocation names the target for events and logs; {@code null} derives a name
   * @param statistics receives the call's statistics, or {@code null}
   * @return the target's value, or the fallback's, or (without raising) the last value / null
   * @throws Exception the last failure of the target as it threw it, or the fallback's failure
   */
  public static <T extends @Nullable Object> T call(
      RetryPolicy policy,
      @Nullable Invocation invocation,
      Callable<T> target,
      @Nullable StatisticsRecorder statistics)
      throws Exception {
    return execute(policy, invocation, target, CALLABLE, statistics);
  }

  /** Like {@link #call} for a {@link Supplier}, without allocating an adapter on the fast path. */
  public static <T extends @Nullable Object> T get(RetryPolicy policy,
      @Nullable Invocation invocation, Supplier<T> target,
      @Nullable StatisticsRecorder statistics) throws Exception {
    return execute(policy, invocation, target, SUPPLIER, statistics);
  }

  /** Like {@link #call} for a {@link CheckedRunnable}; returns {@code null}. */
  public static @Nullable Object run(RetryPolicy policy, @Nullable Invocation invocation,
      CheckedRunnable target, @Nullable StatisticsRecorder statistics) throws Exception {
    return execute(policy, invocation, target, RUNNABLE, statistics);
  }

  private static final int CALLABLE = 0;
  private static final int SUPPLIER = 1;
  private static final int RUNNABLE = 2;

  @SuppressWarnings("unchecked")
  private static <T extends @Nullable Object> T invoke(Object target, int kind) throws Exception {
    switch (kind) {
      case CALLABLE:
        return ((Callable<T>) target).call();
      case SUPPLIER:
        return ((Supplier<T>) target).get();
      default:
        ((CheckedRunnable) target).run();
        return Nulls.cast(null);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends @Nullable Object> Callable<T> asCallable(Object target, int kind) {
    switch (kind) {
      case CALLABLE:
        return (Callable<T>) target;
      case SUPPLIER:
        return AdaptedTarget.of((Supplier<T>) target);
      default:
        return Nulls.cast(AdaptedTarget.of((CheckedRunnable) target));
    }
  }

  private static <T extends @Nullable Object> T execute(
      RetryPolicy policy,
      @Nullable Invocation invocation,
      Object target,
      int kind,
      @Nullable StatisticsRecorder statistics)
      throws Exception {
    Overrides overrides = GlobalSettings.current();
    if (overrides.disabled() || !policy.enabled()) {
      return once(overrides, target, kind);
    }
    if (statefulFromTheStart(policy)) {
      CallState state = new CallState(policy, overrides, invocation, target,
          policy.clock().nanoTime()).blocking();
      return attempts(state, target, kind, statistics, 1);
    }
    // Nothing around the first attempt but, at most, a breaker: no state until it fails. Kept
    // small so that the JIT inlines it into the faces.
    long start = policy.timed() ? policy.clock().nanoTime() : 0L;
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
    CircuitBreaker breaker = policy.circuitBreaker();
    @Nullable T value = null;
    Throwable thrown = null;
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(1);
    try {
      value = breaker != null
          ? guarded(breaker, policy.clock(), target, kind, null) : invoke(target, kind);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      thrown = failure;
    } finally {
      context.restore(saved);
    }
    if (thrown == null && !policy.checksResults()) {
      if (policy.retryBudget() != null || statistics != null) {
        succeededAtOnce(policy, statistics, start);
      }
      return Nulls.cast(value);
    }
    return afterFirstAttempt(policy, overrides, invocation, target, kind, statistics, start, value,
        thrown);
  }

  /** Retrying is off: the target runs once, directly (counted for the testing scopes). */
  private static <T extends @Nullable Object> T once(Overrides overrides, Object target, int kind)
      throws Exception {
    AtomicInteger counting = overrides.attemptCounter();
    if (counting != null) {
      counting.incrementAndGet();
    }
    return invoke(target, kind);
  }

  /**
   * Whether a call needs its state before the first attempt: listeners, a deadline, an
   * instrumentation, hedging or an attempt timeout. A breaker alone does not.
   */
  private static boolean statefulFromTheStart(RetryPolicy policy) {
    return policy.hasListeners() || policy.deadlineNanos() >= 0 || policy.instrumented()
        || policy.hedging() != null || policy.attemptTimeoutNanos() >= 0;
  }

  /** A first attempt accepted without state: the budget earns, the statistics record. */
  private static void succeededAtOnce(RetryPolicy policy, @Nullable StatisticsRecorder statistics,
      long start) {
    RetryBudget budget = policy.retryBudget();
    if (budget != null) {
      budget.onSuccess();
    }
    if (statistics != null) {
      statistics.record(start, policy.clock().nanoTime(), 1, 0L);
    }
  }

  /**
   * Settles a first attempt that failed or whose value must be checked, creating the call's state
   * now, then goes on with the retry loop if a retry was decided.
   */
  private static <T extends @Nullable Object> T afterFirstAttempt(RetryPolicy policy,
      Overrides overrides, @Nullable Invocation invocation, Object target, int kind,
      @Nullable StatisticsRecorder statistics, long start, @Nullable T value,
      @Nullable Throwable thrown) throws Exception {
    CallState state = new CallState(policy, overrides, invocation, target,
        policy.timed() ? start : policy.clock().nanoTime()).blocking();
    int step = settle(state, 1, value, thrown, statistics);
    if (step == SUCCEEDED) {
      return Nulls.cast(value);
    }
    if (step == GAVE_UP) {
      return Settlement.giveUp(state);
    }
    return attempts(state, target, kind, statistics, 2);
  }

  /**
   * The retry loop with its per-call state, from attempt {@code first} on: events, instrumentation,
   * deadline, and the attempt's inner layers (a breaker inline; hedging or an attempt timeout
   * through {@link #attemptPipeline}).
   */
  private static <T extends @Nullable Object> T attempts(CallState state, Object target, int kind,
      @Nullable StatisticsRecorder statistics, int first) throws Exception {
    RetryPolicy policy = state.policy();
    Clock clock = policy.clock();
    long start = state.startNanos();
    AtomicInteger counter = state.overrides().attemptCounter();
    AttemptContext context = AttemptContext.current();
    // A breaker alone is applied inline (no copy object); hedging or an attempt timeout need one.
    boolean pipeline = policy.hedging() != null || policy.attemptTimeoutNanos() >= 0;
    CircuitBreaker breaker = pipeline ? null : policy.circuitBreaker();
    long deadline = policy.deadlineNanos();
    int attempt = first;
    while (true) {
      state.fire(EventType.ATTEMPT, attempt);
      state.fire(EventType.BEFORE, attempt);
      state.attemptStarted(attempt);
      AttemptTrace trace = state.attemptTrace();
      if (counter != null) {
        counter.incrementAndGet();
      }
      AttemptGuard deadlineGuard = deadline >= 0
          ? AttemptGuard.start(policy.scheduler(), deadline - (clock.nanoTime() - start)) : null;
      Callable<T> call = pipeline
          ? attemptPipeline(state, asCallable(target, kind), attempt, deadlineGuard) : null;
      @Nullable T value = null;
      Throwable thrown = null;
      int saved = context.enter(attempt);
      TraceScope scope = AttemptTrace.open(trace);
      try {
        value = call != null ? call.call()
            : breaker != null ? guarded(breaker, clock, target, kind, deadlineGuard)
            : invoke(target, kind);
      } catch (VirtualMachineError fatal) {
        if (deadlineGuard != null) {
          deadlineGuard.finish();
        }
        throw fatal;
      } catch (Throwable failure) {
        thrown = failure;
      } finally {
        AttemptTrace.close(scope);
        context.restore(saved);
      }
      if (deadlineGuard != null && deadlineGuard.finish()) {
        state.attemptCutShort(attempt, null);
        state.endWith(GiveUpReason.DEADLINE_EXCEEDED, thrown);
        Settlement.record(statistics, state);
        return Settlement.giveUp(state);
      }
      int step = settle(state, attempt, value, thrown, statistics);
      if (step == SUCCEEDED) {
        return Nulls.cast(value);
      }
      if (step == GAVE_UP) {
        return Settlement.giveUp(state);
      }
      attempt++;
    }
  }

  /**
   * One attempt through {@code breaker} on the calling thread, without allocating: asks for
   * permission (a rejection is thrown as the attempt's failure), runs the target, and reports its
   * outcome; the clock is read only for slow-call detection. An attempt cut short by the deadline
   * releases its permission instead. The same protocol as {@link GuardedCopy}, which applies it
   * when hedging or an attempt timeout sit inside the breaker.
   */
  private static <T extends @Nullable Object> T guarded(CircuitBreaker breaker, Clock clock,
      Object target, int kind, @Nullable AttemptGuard deadlineGuard) throws Exception {
    breaker.acquirePermission();
    boolean slowCalls = breaker.measuresDurations();
    long start = slowCalls ? clock.nanoTime() : 0L;
    @Nullable T value = null;
    Throwable failure = null;
    try {
      value = invoke(target, kind);
    } catch (VirtualMachineError fatal) {
      breaker.releasePermission();
      throw fatal;
    } catch (Throwable thrown) {
      failure = thrown;
    }
    GuardedCopy.report(breaker, slowCalls ? clock.nanoTime() - start : 0L, value, failure,
        deadlineGuard != null && deadlineGuard.fired());
    if (failure != null) {
      throw Exceptions.propagate(failure);
    }
    return Nulls.cast(value);
  }

  /**
   * The inner layers of one attempt: circuit breaker (per copy) → hedging → attempt timeout →
   * target. Only built when the policy has hedging or an attempt timeout.
   */
  private static <T extends @Nullable Object> Callable<T> attemptPipeline(
      CallState state, Callable<T> target, int attempt, @Nullable AttemptGuard deadlineGuard) {
    RetryPolicy policy = state.policy();
    HedgingPolicy hedging = policy.hedging();
    if (hedging == null) {
      return new GuardedCopy<>(policy, target, state.targetName(), attempt, null, deadlineGuard);
    }
    HedgeAccounting accounting = new HedgeAccounting(policy, state.attemptTrace());
    GuardedCopy<T> copy = new GuardedCopy<>(policy, target, state.targetName(), attempt,
        accounting.decided(), deadlineGuard);
    return () -> Hedging.call(hedging, copy, accounting);
  }

  private static int sleep(CallState state, long waitNanos) {
    try {
      state.policy().sleeper().sleep(waitNanos);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      state.endWith(GiveUpReason.INTERRUPTED, interrupted);
      return GAVE_UP;
    }
    Settlement.afterSleep(state, waitNanos);
    return RETRY;
  }

  /**
   * Settles one attempt and, when a retry was decided, sleeps the back-off on this thread; shared
   * by the loop and the iterator face.
   *
   * @return {@link #SUCCEEDED}, {@link #GAVE_UP} or {@link #RETRY}
   */
  public static int settle(CallState state, int attempt, @Nullable Object value,
      @Nullable Throwable thrown, @Nullable StatisticsRecorder statistics) {
    long decision = Settlement.afterAttempt(state, attempt, value, thrown, statistics);
    if (decision == CallState.SUCCESS) {
      return SUCCEEDED;
    }
    if (decision == CallState.GIVE_UP) {
      return GAVE_UP;
    }
    int step = sleep(state, decision);
    if (step == GAVE_UP) {
      Settlement.record(statistics, state);
    }
    return step;
  }

}
