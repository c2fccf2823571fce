package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous call: attempts are {@link CompletionStage}s, back-off waits are scheduled on the
 * policy's {@link io.backon.time.Scheduler} (no thread blocks), and the decision after each attempt
 * is the same {@link Settlement} the blocking loop uses. Cancelling the returned future cancels the
 * in-flight attempt and the pending wait and schedules nothing more.
 *
 * <p>Concurrency: the monitor only guards the small bookkeeping fields; no user code (supplier,
 * listener, policy callback, fallback, completion) runs while it is held. One thread at a time is
 * {@code busy} with the {@link CallState}; a deadline that passes meanwhile is handed to that
 * thread ({@code deadlineHit}). Each back-off has a generation, so a stale wake-up does nothing.
 * Zero-wait retries on inline schedulers and direct executors are trampolined, not recursed. Not
 * API.
 */
final class AsyncCall<T extends @Nullable Object> {

  private final Pipeline pipeline;
  private final RetryPolicy policy;
  private final Supplier<? extends @Nullable CompletionStage<T>> supplier;
  private final @Nullable AtomicReference<RetryStatistics> statistics;
  private final CallState state;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private boolean finished;
  private boolean busy;
  private boolean deadlineHit;
  private boolean draining;
  private int queued;
  private long generation;
  private long wokenGeneration;
  private int attempt;
  private @Nullable CompletableFuture<T> currentAttempt;
  private @Nullable CompletableFuture<?> currentSource;
  private @Nullable Cancellable pendingWait;
  private @Nullable Cancellable deadlineTimer;

  /**
   * Attempt 1's stage when {@link #startPlain} already ran it; read once, on the calling thread.
   */
  private @Nullable CompletionStage<T> firstStage;

  static {
    LayerTypes.load(); // lets the JIT inline the policy accessors of the fast path
  }

  private AsyncCall(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics,
      long startNanos,
      @Nullable CallTrace resumed) {
    this.pipeline = pipeline;
    this.policy = pipeline.policy();
    this.supplier = supplier;
    this.statistics = statistics;
    this.state = new CallState(pipeline, overrides, invocation, nameSource, startNanos, resumed);
  }

  /**
   * Starts a call; the first attempt runs on the calling thread.
   *
   * @param nameSource names the target in events when there is no invocation
   */
  static <T extends @Nullable Object> CompletableFuture<T> start(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    GlobalSettings overrides = GlobalSettings.current();
    if (overrides.disabled()
        || !pipeline.policy().enabled()
        || pipeline.stateFromStart()
        || pipeline.checksResults()) {
      return startOtherwise(pipeline, overrides, invocation, supplier, nameSource, statistics);
    }
    // Kept small, so that the JIT inlines it into the faces and sees the future does not escape.
    return startPlain(pipeline, overrides, invocation, supplier, nameSource, statistics);
  }

  /** A call that is switched off, checks values, or needs state (or a trace) from its start. */
  private static <T extends @Nullable Object> CompletableFuture<T> startOtherwise(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    if (overrides.disabled() || !pipeline.policy().enabled()) {
      countAttempt(overrides);
      return invokeOnce(supplier);
    }
    if (pipeline.tracedFirstAttempt() && !pipeline.checksResults()) {
      CallTracer tracer = CallTrace.tracer(pipeline, overrides, invocation, nameSource);
      if (tracer != null) {
        return startTraced(
            pipeline, overrides, invocation, supplier, nameSource, statistics, tracer);
      }
    }
    return startWithState(pipeline, overrides, invocation, supplier, nameSource, statistics);
  }

  private static <T extends @Nullable Object> CompletableFuture<T> startWithState(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    AsyncCall<T> call =
        new AsyncCall<>(
            pipeline,
            overrides,
            invocation,
            supplier,
            nameSource,
            statistics,
            pipeline.policy().clock().nanoTime(),
            null);
    call.begin(null);
    return call.result;
  }

  /**
   * A policy that needs no state before its first attempt (see {@link Pipeline#stateFromStart()})
   * and checks no values: the first attempt runs through the layers before any per-call state
   * exists, and a stage that is already complete and successful ends the call there, as the
   * blocking loop's fast path does. Otherwise the call carries on with that stage as its first
   * attempt. Kept small, so that the JIT can see the returned future does not escape.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> startPlain(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    Clock clock = pipeline.policy().clock();
    boolean timed = pipeline.timed();
    long start = timed ? clock.nanoTime() : 0L;
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
    CompletionStage<T> first =
        pipeline.hasLayers()
            ? pipeline.async(
                new AttemptRun(null, nameSource, 1, pipeline.environment(), null, null), supplier)
            : Layer.invoke(supplier, 1);
    CompletableFuture<T> done = Stages.completedNormally(first);
    if (done != null) {
      T value = done.join();
      RetryBudget budget = pipeline.budget();
      if (budget != null) {
        budget.onSuccess();
      }
      if (statistics != null) {
        Statistics.record(statistics, clock, start, clock.nanoTime(), 1, 0L);
      }
      return CompletableFuture.completedFuture(value); // not the target's own future
    }
    AsyncCall<T> call =
        new AsyncCall<>(
            pipeline,
            overrides,
            invocation,
            supplier,
            nameSource,
            statistics,
            timed ? start : clock.nanoTime(),
            null);
    call.begin(first);
    return call.result;
  }

  /**
   * As {@link #startPlain} for a policy that needs state only for its instrumentation (see {@link
   * Pipeline#tracedFirstAttempt()}): the first attempt is traced with {@code tracer}'s own tracers,
   * and the call's state, if one is needed, resumes them.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> startTraced(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics,
      CallTracer tracer) {
    Clock clock = pipeline.policy().clock();
    long start = clock.nanoTime();
    countAttempt(overrides);
    AttemptTracer attemptTracer = AttemptTrace.tracer(tracer, 1);
    TraceScope scope = AttemptTrace.scope(attemptTracer);
    AttemptTrace attempt = null;
    if (scope != TraceScope.NONE) {
      attempt = AttemptTrace.of(attemptTracer, 1, start);
      scope = attempt.publish(scope);
    }
    CompletionStage<T> first;
    try {
      first =
          pipeline.hasLayers()
              ? pipeline.async(
                  new AttemptRun(null, nameSource, 1, pipeline.environment(), null, attempt),
                  supplier)
              : Layer.invoke(supplier, 1);
    } finally {
      AttemptTrace.closeScope(scope);
    }
    CompletableFuture<T> done = Stages.completedNormally(first);
    if (done != null) {
      T value = done.join();
      long end = succeeded(pipeline, statistics, clock, start);
      CallTrace.succeededAtOnce(tracer, attemptTracer, Math.max(0L, end - start));
      return CompletableFuture.completedFuture(value); // not the target's own future
    }
    CallTrace resumed =
        CallTrace.resume(
            tracer,
            clock,
            start,
            attempt != null ? attempt : AttemptTrace.of(attemptTracer, 1, start));
    AsyncCall<T> call =
        new AsyncCall<>(
            pipeline, overrides, invocation, supplier, nameSource, statistics, start, resumed);
    call.begin(first);
    return call.result;
  }

  private static void countAttempt(GlobalSettings overrides) {
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
  }

  /**
   * Books a first attempt that succeeded at once: the budget earns, the statistics record.
   *
   * @return when the call ended (0 when the policy is not timed)
   */
  private static long succeeded(
      Pipeline pipeline,
      @Nullable AtomicReference<RetryStatistics> statistics,
      Clock clock,
      long start) {
    long end = pipeline.timed() ? clock.nanoTime() : 0L;
    RetryBudget budget = pipeline.budget();
    if (budget != null) {
      budget.onSuccess();
    }
    if (statistics != null) {
      Statistics.record(statistics, clock, start, end, 1, 0L);
    }
    return end;
  }

  private static <T extends @Nullable Object> CompletableFuture<T> invokeOnce(
      Supplier<? extends @Nullable CompletionStage<T>> supplier) {
    try {
      CompletionStage<T> stage = supplier.get();
      if (stage == null) {
        return CompletableFuture.failedFuture(
            new NullPointerException(
                "the async target returned null instead of a CompletionStage"));
      }
      return stage.toCompletableFuture();
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  /** Starts the call; {@code first} is attempt 1's stage when it already ran, else null. */
  private void begin(@Nullable CompletionStage<T> first) {
    result.whenComplete(
        (value, failure) -> {
          if (result.isCancelled()) {
            cancelled();
          }
        });
    long deadline = policy.deadlineNanos();
    if (deadline >= 0) {
      Cancellable timer = policy.scheduler().schedule(this::deadlinePassed, deadline);
      synchronized (this) {
        deadlineTimer = timer;
      }
    }
    firstStage = first;
    startAttempt(1);
  }

  /**
   * Runs attempt {@code number}, or queues it when this call is already running an attempt on the
   * current stack (zero waits with inline schedulers and direct executors would otherwise recurse
   * once per attempt).
   */
  private void startAttempt(int number) {
    synchronized (this) {
      if (draining) {
        queued = number;
        return;
      }
      draining = true;
    }
    int next = number;
    while (next > 0) {
      runAttempt(next);
      synchronized (this) {
        next = queued;
        queued = 0;
        if (next == 0) {
          draining = false;
        }
      }
    }
  }

  private void runAttempt(int number) {
    CompletableFuture<T> attemptResult = new CompletableFuture<>();
    synchronized (this) {
      if (finished) {
        return;
      }
      busy = true;
      attempt = number;
      currentAttempt = attemptResult;
      currentSource = null;
    }
    CompletionStage<T> ran = firstStage;
    firstStage = null;
    if (ran == null) {
      state.beginAttempt(number);
    } else {
      state.attemptTraced(number); // attempt 1 ran before the state existed
    }
    if (leaveBusy()) {
      endByDeadline();
      return;
    }
    CompletionStage<T> stage;
    if (ran != null) {
      stage = ran;
    } else {
      TraceScope scope = AttemptTrace.open(state.attemptTrace());
      try {
        stage =
            pipeline.hasLayers()
                ? pipeline.async(state.attemptRun(number, null), supplier)
                : Layer.invoke(supplier, number);
      } finally {
        AttemptTrace.close(scope);
      }
    }
    CompletableFuture<?> source = Stages.sourceOf(stage);
    boolean alreadyOver;
    synchronized (this) {
      currentSource = source;
      alreadyOver = finished;
    }
    if (alreadyOver && source != null) {
      source.cancel(true);
    }
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            attemptResult.completeExceptionally(failure);
          } else {
            attemptResult.complete(value);
          }
        });
    // One dependent: the attempt's future is cancelled before the call is settled, so a caller
    // that sees the call end never sees an attempt it abandoned still running.
    attemptResult.whenComplete(
        (value, failure) -> {
          if (source != null && !source.isDone()) {
            source.cancel(true);
          }
          settle(number, value, Stages.unwrap(failure));
        });
  }

  /** Leaves a stretch of work on the state; true when the deadline passed meanwhile. */
  private boolean leaveBusy() {
    synchronized (this) {
      busy = false;
      if (deadlineHit && !finished) {
        finished = true;
        return true;
      }
      return false;
    }
  }

  private void settle(int number, @Nullable T value, @Nullable Throwable failure) {
    synchronized (this) {
      if (finished) {
        return;
      }
      busy = true;
    }
    long decision = Settlement.afterAttempt(state, number, value, failure, statistics);
    boolean ended = decision == CallState.SUCCESS || decision == CallState.GIVE_UP;
    long waitGeneration;
    synchronized (this) {
      busy = false;
      if (finished) {
        return;
      }
      if (!ended && deadlineHit) {
        finished = true;
        waitGeneration = -1L;
      } else if (ended) {
        finished = true;
        cancel(deadlineTimer);
        waitGeneration = 0L;
      } else {
        waitGeneration = ++generation;
      }
    }
    if (waitGeneration < 0) {
      endByDeadline();
    } else if (decision == CallState.SUCCESS) {
      result.complete(value);
    } else if (decision == CallState.GIVE_UP) {
      finishGivingUp();
    } else {
      long wait = decision;
      Cancellable task =
          policy.scheduler().schedule(() -> wakeUp(waitGeneration, number, wait), wait);
      synchronized (this) {
        if (finished || wokenGeneration == waitGeneration) {
          task.cancel();
        } else {
          pendingWait = task;
        }
      }
    }
  }

  private void wakeUp(long waitGeneration, int number, long waitNanos) {
    synchronized (this) {
      if (finished || waitGeneration != generation) {
        return;
      }
      wokenGeneration = waitGeneration;
      pendingWait = null;
      busy = true;
    }
    Settlement.afterSleep(state, waitNanos);
    if (leaveBusy()) {
      endByDeadline();
      return;
    }
    try {
      policy.executor().execute(() -> startAttempt(number + 1));
    } catch (RuntimeException rejected) {
      synchronized (this) {
        if (finished) {
          return;
        }
        finished = true;
        cancel(deadlineTimer);
      }
      state.endWith(GiveUpReason.REJECTED, rejected);
      Settlement.record(statistics, state);
      finishGivingUp();
    }
  }

  private void deadlinePassed() {
    synchronized (this) {
      if (finished) {
        return;
      }
      if (busy) {
        deadlineHit = true;
        return;
      }
      finished = true;
    }
    endByDeadline();
  }

  /** Ends the call because its deadline passed; the caller has set {@code finished}. */
  private void endByDeadline() {
    boolean attemptRunning;
    int number;
    synchronized (this) {
      CompletableFuture<T> running = currentAttempt;
      attemptRunning = running != null && !running.isDone();
      number = attempt;
      stopEverything();
    }
    if (attemptRunning) {
      state.attemptCutShort(number, null);
    } else {
      state.endedNow();
    }
    state.endWith(GiveUpReason.DEADLINE_EXCEEDED, null);
    Settlement.record(statistics, state);
    finishGivingUp();
  }

  private void cancelled() {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      cancel(deadlineTimer);
      stopEverything();
    }
    state.cancelled();
  }

  /** Cancels the in-flight attempt and any pending wait or timer; caller holds the monitor. */
  private void stopEverything() {
    cancel(pendingWait);
    pendingWait = null;
    CompletableFuture<?> source = currentSource;
    if (source != null) {
      source.cancel(true);
    }
    CompletableFuture<T> running = currentAttempt;
    if (running != null) {
      running.cancel(true);
    }
  }

  private void finishGivingUp() {
    try {
      result.complete(Settlement.giveUp(state));
    } catch (Throwable failure) {
      result.completeExceptionally(failure);
    }
  }

  private static void cancel(@Nullable Cancellable task) {
    if (task != null) {
      task.cancel();
    }
  }
}
