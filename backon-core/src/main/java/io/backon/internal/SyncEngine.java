package io.backon.internal;

import io.backon.CheckedRunnable;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryStatistics;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The blocking retry loop behind every synchronous face: deadline → retry loop (stop, wait, budget)
 * → the policy's {@link Pipeline} of attempt layers. A call whose policy needs no state before its
 * first attempt (see {@link Pipeline#stateFromStart()}) runs that attempt without allocating
 * anything, through its breaker if it has one; its {@link CallState} appears only once the attempt
 * fails or a value must be checked. Not API.
 */
final class SyncEngine {

  /** {@link #settle} result: the call succeeded with the attempt's value. */
  static final int SUCCEEDED = 0;

  /** {@link #settle} result: the call gave up; finish it with {@link Settlement#giveUp}. */
  static final int GAVE_UP = 1;

  /** {@link #settle} result: the back-off was slept; the next attempt may start. */
  static final int RETRY = 2;

  static {
    FastPathTypes.load(); // lets the JIT inline the accessors of the fast path
  }

  private SyncEngine() {}

  /** Calls a {@link Callable} under {@code pipeline}'s policy on the calling thread. */
  static <T extends @Nullable Object> T call(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Callable<T> target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return execute(pipeline, invocation, target, Invoker.CALLABLE, statistics);
  }

  /** Like {@link #call} for a {@link Supplier}, without allocating an adapter. */
  static <T extends @Nullable Object> T get(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Supplier<T> target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return execute(pipeline, invocation, target, Invoker.SUPPLIER, statistics);
  }

  /** Like {@link #call} for a {@link CheckedRunnable}; returns {@code null}. */
  static @Nullable Object run(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      CheckedRunnable target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return execute(pipeline, invocation, target, Invoker.RUNNABLE, statistics);
  }

  private static <T extends @Nullable Object> T execute(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    GlobalSettings overrides = GlobalSettings.current();
    if (overrides.disabled() || !pipeline.policy().enabled()) {
      countAttempt(overrides);
      return invoker.invoke(target);
    }
    if (pipeline.stateFromStart()) {
      return withState(pipeline, overrides, invocation, target, invoker, statistics);
    }
    // Nothing the success path must pay for: no state until the attempt fails. Kept small so
    // that the JIT inlines it into the faces.
    Clock clock = pipeline.policy().clock();
    long start = pipeline.timed() ? clock.nanoTime() : 0L;
    countAttempt(overrides);
    @Nullable T value = null;
    Throwable thrown = null;
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(1);
    try {
      value = firstAttempt(pipeline, clock, target, invoker);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      thrown = failure;
    } finally {
      context.restore(saved);
    }
    if (thrown == null && !pipeline.checksResults()) {
      RetryBudget budget = pipeline.budget();
      if (budget != null) {
        budget.onSuccess();
      }
      if (statistics != null) {
        Statistics.record(statistics, clock, start, clock.nanoTime(), 1, 0L);
      }
      return Nulls.cast(value);
    }
    return afterFirstAttempt(
        pipeline,
        overrides,
        context,
        invocation,
        target,
        invoker,
        statistics,
        pipeline.timed() ? start : clock.nanoTime(),
        value,
        thrown);
  }

  /**
   * A call that needs state from its start: traced without state when its instrumentation is the
   * only reason (see {@link #traced}), else with its {@link CallState} from the first attempt on.
   */
  private static <T extends @Nullable Object> T withState(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    if (pipeline.tracedFirstAttempt()) {
      CallTracer tracer = CallTrace.tracer(pipeline, overrides, invocation, target);
      if (tracer != null) {
        return traced(pipeline, overrides, invocation, target, invoker, statistics, tracer);
      }
    }
    AttemptContext context = AttemptContext.current();
    CallState state =
        CallState.forBlockingCall(
            pipeline,
            overrides,
            invocation,
            target,
            pipeline.policy().clock().nanoTime(),
            null,
            context);
    try {
      return attempts(state, context, target, invoker, statistics, 1);
    } finally {
      state.release();
    }
  }

  /**
   * A call of a policy whose instrumentation is its only reason for state (see {@link
   * Pipeline#tracedFirstAttempt()}): the first attempt is traced with the instrumentation's own
   * tracers, and the call's state (with a {@link CallTrace} resuming them) appears only when that
   * attempt failed or its value must be checked. The attempt's trace is made the thread's current
   * one only when its tracer opens a scope, as {@link AttemptTrace#open()} would.
   */
  private static <T extends @Nullable Object> T traced(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics,
      CallTracer tracer)
      throws Exception {
    Clock clock = pipeline.policy().clock();
    long start = clock.nanoTime();
    countAttempt(overrides);
    AttemptTracer attemptTracer = AttemptTrace.tracer(tracer, 1);
    @Nullable T value = null;
    Throwable thrown = null;
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(1);
    TraceScope scope = AttemptTrace.scope(attemptTracer);
    AttemptTrace attempt = null;
    if (scope != TraceScope.NONE) {
      attempt = AttemptTrace.of(attemptTracer, 1, start);
      scope = attempt.publish(scope);
    }
    try {
      value = firstAttempt(pipeline, clock, target, invoker);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      thrown = failure;
    } finally {
      AttemptTrace.closeScope(scope);
      context.restore(saved);
    }
    if (thrown == null && !pipeline.checksResults()) {
      long end = clock.nanoTime();
      RetryBudget budget = pipeline.budget();
      if (budget != null) {
        budget.onSuccess();
      }
      if (statistics != null) {
        Statistics.record(statistics, clock, start, end, 1, 0L);
      }
      CallTrace.succeededAtOnce(tracer, attemptTracer, Math.max(0L, end - start));
      return Nulls.cast(value);
    }
    CallTrace resumed = CallTrace.resume(tracer, clock, start, attempt, attemptTracer);
    CallState state =
        CallState.forBlockingCall(pipeline, overrides, invocation, target, start, resumed, context);
    return afterFirstAttempt(state, context, target, invoker, statistics, value, thrown);
  }

  /** The first attempt of a stateless call: straight to the target, or through the layers. */
  private static <T extends @Nullable Object> T firstAttempt(
      Pipeline pipeline, Clock clock, Object target, Invoker invoker) throws Exception {
    if (pipeline.wrapsAttempts()) {
      AttemptRun run = new AttemptRun(null, target, 1, pipeline.environment(), null, null);
      return pipeline.blocking(run, invoker.asCallable(target));
    }
    BreakerLayer breaker = pipeline.breaker();
    return breaker != null ? breaker.call(null, clock, target, invoker) : invoker.invoke(target);
  }

  private static void countAttempt(GlobalSettings overrides) {
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
  }

  /**
   * Settles a first attempt that failed or whose value must be checked, creating the call's state
   * now, then goes on with the retry loop if a retry was decided.
   */
  private static <T extends @Nullable Object> T afterFirstAttempt(
      Pipeline pipeline,
      GlobalSettings overrides,
      AttemptContext context,
      @Nullable Invocation invocation,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics,
      long start,
      @Nullable T value,
      @Nullable Throwable thrown)
      throws Exception {
    CallState state =
        CallState.forBlockingCall(pipeline, overrides, invocation, target, start, null, context);
    if (!pipeline.timed()) {
      state.startsAtFirstAttemptEnd();
    }
    return afterFirstAttempt(state, context, target, invoker, statistics, value, thrown);
  }

  /** Settles a first attempt with the call's new state; goes on with the loop on a retry. */
  private static <T extends @Nullable Object> T afterFirstAttempt(
      CallState state,
      AttemptContext context,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics,
      @Nullable T value,
      @Nullable Throwable thrown)
      throws Exception {
    try {
      int step = settle(state, 1, value, thrown, statistics);
      if (step == SUCCEEDED) {
        return Nulls.cast(value);
      }
      if (step == GAVE_UP) {
        return Settlement.giveUp(state);
      }
      return attempts(state, context, target, invoker, statistics, 2);
    } finally {
      state.release();
    }
  }

  /**
   * The retry loop with its per-call state, from attempt {@code first} on: each attempt is started
   * by {@link CallState#beginAttempt}, guarded by the deadline, and run through the pipeline's
   * layers. {@code context} is this thread's, looked up once per call: a thread-local look-up costs
   * 5 to 20 ns, the more the more thread-locals the thread has.
   */
  private static <T extends @Nullable Object> T attempts(
      CallState state,
      AttemptContext context,
      Object target,
      Invoker invoker,
      @Nullable AtomicReference<RetryStatistics> statistics,
      int first)
      throws Exception {
    Pipeline pipeline = state.pipeline();
    Clock clock = pipeline.policy().clock();
    long start = state.startNanos();
    long deadline = pipeline.deadlineNanos();
    Callable<T> callable = pipeline.wrapsAttempts() ? invoker.asCallable(target) : null;
    int attempt = first;
    while (true) {
      state.beginAttempt(attempt);
      AttemptGuard deadlineGuard =
          deadline >= 0
              ? AttemptGuard.start(
                  pipeline.policy().scheduler(), deadline - (clock.nanoTime() - start))
              : null;
      AttemptRun run =
          callable != null || deadlineGuard != null
              ? state.attemptRun(attempt, deadlineGuard)
              : null;
      @Nullable T value = null;
      Throwable thrown = null;
      int saved = context.enter(attempt);
      AttemptTrace trace = state.attemptTrace();
      TraceScope scope = trace == null ? null : trace.open();
      try {
        value = runAttempt(pipeline, clock, run, callable, target, invoker);
      } catch (VirtualMachineError fatal) {
        if (deadlineGuard != null) {
          deadlineGuard.finish();
        }
        throw fatal;
      } catch (Throwable failure) {
        thrown = failure;
      } finally {
        if (scope != null) {
          scope.close();
        }
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

  private static <T extends @Nullable Object> T runAttempt(
      Pipeline pipeline,
      Clock clock,
      @Nullable AttemptRun run,
      @Nullable Callable<T> callable,
      Object target,
      Invoker invoker)
      throws Exception {
    if (callable != null && run != null) {
      return pipeline.blocking(run, callable);
    }
    BreakerLayer breaker = pipeline.breaker();
    return breaker != null ? breaker.call(run, clock, target, invoker) : invoker.invoke(target);
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
  static int settle(
      CallState state,
      int attempt,
      @Nullable Object value,
      @Nullable Throwable thrown,
      @Nullable AtomicReference<RetryStatistics> statistics) {
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
