package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Cancellable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

  /** Attempt 1's stage when {@link AsyncStart} already ran it; read once, on the calling thread. */
  private @Nullable CompletionStage<T> firstStage;

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
   * Creates the call and starts it; {@code first} is attempt 1's stage when {@link AsyncStart}
   * already ran it, else null.
   *
   * @return the future the caller sees
   */
  static <T extends @Nullable Object> CompletableFuture<T> begin(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics,
      long startNanos,
      @Nullable CallTrace resumed,
      @Nullable CompletionStage<T> first) {
    AsyncCall<T> call =
        new AsyncCall<>(
            pipeline, overrides, invocation, supplier, nameSource, statistics, startNanos, resumed);
    call.begin(first);
    return call.result;
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
      try {
        state.beginAttempt(number);
      } catch (VirtualMachineError fatal) { // from a listener
        endFatally(fatal);
        return;
      }
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
      AttemptTrace trace = state.attemptTrace();
      TraceScope scope = trace == null ? null : trace.open();
      try {
        stage =
            pipeline.hasLayers()
                ? pipeline.async(state.attemptRun(number, null), supplier)
                : Layer.invoke(supplier, number);
      } finally {
        if (scope != null) {
          scope.close();
        }
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

  /** Settles attempt {@code number}, on the thread that completed it, in the caller's scope. */
  private void settle(int number, @Nullable T value, @Nullable Throwable failure) {
    TraceScope caller = openCallerScope();
    try {
      settleHere(number, value, failure);
    } finally {
      closeCallerScope(caller);
    }
  }

  private void settleHere(int number, @Nullable T value, @Nullable Throwable failure) {
    if (failure instanceof VirtualMachineError fatal) {
      endFatally(fatal); // as in the blocking loop: no decision, no fallback, nothing scheduled
      return;
    }
    synchronized (this) {
      if (finished) {
        return;
      }
      busy = true;
    }
    long decision;
    try {
      decision = Settlement.afterAttempt(state, number, value, failure, statistics);
    } catch (VirtualMachineError fatal) { // from a listener: the caller sees it, as when blocking
      endFatally(fatal);
      return;
    }
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
      Cancellable task;
      try {
        task = policy.scheduler().schedule(() -> wakeUp(waitGeneration, number, wait), wait);
      } catch (RuntimeException rejected) {
        endRejected(rejected); // e.g. a user's ScheduledExecutorService that was shut down
        return;
      }
      synchronized (this) {
        if (finished || wokenGeneration == waitGeneration) {
          task.cancel();
        } else {
          pendingWait = task;
        }
      }
    }
  }

  /** The back-off ended, on the scheduler's thread: in the caller's scope, the next attempt. */
  private void wakeUp(long waitGeneration, int number, long waitNanos) {
    TraceScope caller = openCallerScope();
    try {
      wakeUpHere(waitGeneration, number, waitNanos);
    } finally {
      closeCallerScope(caller);
    }
  }

  private void wakeUpHere(long waitGeneration, int number, long waitNanos) {
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
      endRejected(rejected);
    }
  }

  /** Ends the call with a {@link VirtualMachineError}, as is, stopping everything. */
  private void endFatally(VirtualMachineError fatal) {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      busy = false;
      cancel(deadlineTimer);
      stopEverything();
    }
    result.completeExceptionally(fatal);
  }

  /** Gives up because the scheduler or the executor refused the next wait or attempt. */
  private void endRejected(RuntimeException rejected) {
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
    TraceScope caller = openCallerScope();
    try {
      endByDeadline();
    } finally {
      closeCallerScope(caller);
    }
  }

  /**
   * Opens the caller's trace scope on this thread, for work done off the caller's thread; {@code
   * null} when the call is not traced.
   */
  private @Nullable TraceScope openCallerScope() {
    CallTrace trace = state.trace();
    return trace == null ? null : trace.openCallerScope();
  }

  private static void closeCallerScope(@Nullable TraceScope scope) {
    if (scope != null) {
      AttemptTrace.closeScope(scope);
    }
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
