package io.backon.internal;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.budget.RetryBudget;
import io.backon.hedge.Hedging;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
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
public final class AsyncCall<T extends @Nullable Object> {

  private final RetryPolicy policy;
  private final Supplier<? extends @Nullable CompletionStage<T>> supplier;
  private final @Nullable StatisticsRecorder statistics;
  private final CallState state;
  private final @Nullable AtomicInteger counter;
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
  /** Attempt 1's stage when {@link #startPlain} already ran it; read once, on the calling thread. */
  private @Nullable CompletionStage<T> firstStage;

  static {
    LayerTypes.load(); // lets the JIT inline the policy accessors of the fast path
  }

  private AsyncCall(RetryPolicy policy, Overrides overrides, @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier, Object nameSource,
      @Nullable StatisticsRecorder statistics, long startNanos) {
    this.policy = policy;
    this.supplier = supplier;
    this.statistics = statistics;
    this.counter = overrides.attemptCounter();
    this.state = new CallState(policy, overrides, invocation, nameSource, startNanos);
  }

  /**
   * Starts a call; the first attempt runs on the calling thread.
   *
   * @param nameSource names the target in events when there is no invocation
   */
  public static <T extends @Nullable Object> CompletableFuture<T> start(RetryPolicy policy,
      @Nullable Invocation invocation, Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource, @Nullable StatisticsRecorder statistics) {
    Overrides overrides = GlobalSettings.current();
    if (overrides.disabled() || !policy.enabled()) {
      AtomicInteger counting = overrides.attemptCounter();
      if (counting != null) {
        counting.incrementAndGet();
      }
      return invokeOnce(supplier);
    }
    if (policy.hasListeners() || policy.hasAttemptPipeline() || policy.deadlineNanos() >= 0
        || policy.checksResults() || policy.instrumented()) {
      AsyncCall<T> call = new AsyncCall<>(policy, overrides, invocation, supplier, nameSource,
          statistics, policy.clock().nanoTime());
      call.begin(null);
      return call.result;
    }
    return startPlain(policy, overrides, invocation, supplier, nameSource, statistics);
  }

  /**
   * A policy with nothing around its first attempt (no listeners, pipeline, deadline, result
   * check or instrumentation): the first attempt runs before any per-call state exists, and a stage that is already
   * complete and successful ends the call there, as the blocking loop's fast path does. Otherwise
   * the call carries on with that stage as its first attempt.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> startPlain(RetryPolicy policy,
      Overrides overrides, @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier, Object nameSource,
      @Nullable StatisticsRecorder statistics) {
    Clock clock = policy.clock();
    boolean timed = policy.timed();
    long start = timed ? clock.nanoTime() : 0L;
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
    CompletionStage<T> first = invoke(supplier, 1);
    CompletableFuture<T> done = completedNormally(first);
    if (done != null) {
      T value = done.join();
      RetryBudget budget = policy.retryBudget();
      if (budget != null) {
        budget.onSuccess();
      }
      if (statistics != null) {
        statistics.record(start, clock.nanoTime(), 1, 0L);
      }
      return CompletableFuture.completedFuture(value);
    }
    AsyncCall<T> call = new AsyncCall<>(policy, overrides, invocation, supplier, nameSource,
        statistics, timed ? start : clock.nanoTime());
    call.begin(first);
    return call.result;
  }

  /** The stage as a future when it already completed normally, else {@code null}. */
  @SuppressWarnings("unchecked")
  private static <T extends @Nullable Object> @Nullable CompletableFuture<T> completedNormally(
      CompletionStage<T> stage) {
    if (!(stage instanceof CompletableFuture)) {
      return null;
    }
    CompletableFuture<T> future = (CompletableFuture<T>) stage;
    return future.isDone() && !future.isCompletedExceptionally() ? future : null;
  }

  /**
   * Calls an async target inside attempt {@code number}'s context; a throwing supplier or a null
   * stage becomes a failed stage.
   */
  static <T extends @Nullable Object> CompletionStage<T> invoke(
      Supplier<? extends @Nullable CompletionStage<T>> target, int number) {
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(number);
    try {
      CompletionStage<T> stage = target.get();
      return stage != null ? stage : CompletableFuture.failedFuture(nullStage());
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    } finally {
      context.restore(saved);
    }
  }

  private static <T extends @Nullable Object> CompletableFuture<T> invokeOnce(
      Supplier<? extends @Nullable CompletionStage<T>> supplier) {
    try {
      CompletionStage<T> stage = supplier.get();
      if (stage == null) {
        return CompletableFuture.failedFuture(nullStage());
      }
      return stage.toCompletableFuture();
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  /** Starts the call; {@code first} is attempt 1's stage when it already ran, else null. */
  private void begin(@Nullable CompletionStage<T> first) {
    result.whenComplete((value, failure) -> {
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
      state.fire(EventType.ATTEMPT, number);
      state.fire(EventType.BEFORE, number);
      if (counter != null) {
        counter.incrementAndGet();
      }
    }
    state.attemptStarted(number);
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
        stage = invoke(policy.hasAttemptPipeline() ? attemptPipeline(number) : supplier, number);
      } finally {
        AttemptTrace.close(scope);
      }
    }
    CompletableFuture<?> source = sourceOf(stage);
    boolean alreadyOver;
    synchronized (this) {
      currentSource = source;
      alreadyOver = finished;
    }
    if (alreadyOver && source != null) {
      source.cancel(true);
    }
    attemptResult.whenComplete((value, failure) -> {
      if (source != null && !source.isDone()) {
        source.cancel(true);
      }
    });
    stage.whenComplete((value, failure) -> {
      if (failure != null) {
        attemptResult.completeExceptionally(failure);
      } else {
        attemptResult.complete(value);
      }
    });
    attemptResult.whenComplete((value, failure) -> settle(number, value, unwrap(failure)));
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

  /** The inner layers of one attempt: circuit breaker (per copy) → hedging → attempt timeout. */
  private Supplier<? extends @Nullable CompletionStage<T>> attemptPipeline(int number) {
    HedgingPolicy hedging = policy.hedging();
    if (hedging == null) {
      return new AsyncGuardedCopy<>(policy, supplier, state.targetName(), number, null);
    }
    HedgeAccounting accounting = new HedgeAccounting(policy, state.attemptTrace());
    AsyncGuardedCopy<T> copy = new AsyncGuardedCopy<>(policy, supplier, state.targetName(), number,
        accounting.decided());
    return () -> Hedging.callAsync(hedging, copy, accounting);
  }

  static @Nullable CompletableFuture<?> sourceOf(CompletionStage<?> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException notConvertible) {
      return null;
    }
  }

  private static NullPointerException nullStage() {
    return new NullPointerException("the async target returned null instead of a CompletionStage");
  }

  /** {@link #unwrap} for a failure known to be present. */
  static Throwable unwrapNonNull(Throwable failure) {
    Throwable unwrapped = unwrap(failure);
    return unwrapped != null ? unwrapped : failure;
  }

  /** The failure the target really produced, without CompletableFuture's wrappers. */
  static @Nullable Throwable unwrap(@Nullable Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
