package io.backon.internal;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.hedge.Hedging;
import io.backon.hedge.HedgingPolicy;
import io.backon.time.Cancellable;
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
 * in-flight attempt and the pending wait and schedules nothing more. State changes are serialised
 * by this object's monitor; suppliers, completions and fallbacks run outside it, listeners inside
 * (keep them short). Not API.
 */
public final class AsyncCall<T extends @Nullable Object> {

  private final RetryPolicy policy;
  private final Supplier<? extends @Nullable CompletionStage<T>> supplier;
  private final @Nullable StatisticsRecorder statistics;
  private final CallState state;
  private final @Nullable AtomicInteger counter;
  private final CompletableFuture<T> result = new CompletableFuture<>();
  private boolean finished;
  private int attempt;
  private @Nullable CompletableFuture<T> currentAttempt;
  private @Nullable CompletableFuture<?> currentSource;
  private @Nullable Cancellable pendingWait;
  private @Nullable Cancellable deadlineTimer;

  private AsyncCall(RetryPolicy policy, Overrides overrides, @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier, Object nameSource,
      @Nullable StatisticsRecorder statistics) {
    this.policy = policy;
    this.supplier = supplier;
    this.statistics = statistics;
    this.counter = overrides.attemptCounter();
    this.state = new CallState(policy, overrides, invocation, nameSource, policy.clock().nanoTime());
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
    AsyncCall<T> call =
        new AsyncCall<>(policy, overrides, invocation, supplier, nameSource, statistics);
    call.begin();
    return call.result;
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

  private void begin() {
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
    runAttempt(1);
  }

  private void runAttempt(int number) {
    CompletableFuture<T> attemptResult = new CompletableFuture<>();
    synchronized (this) {
      if (finished) {
        return;
      }
      attempt = number;
      currentAttempt = attemptResult;
      currentSource = null;
      state.fire(EventType.ATTEMPT, number);
      state.fire(EventType.BEFORE, number);
      if (counter != null) {
        counter.incrementAndGet();
      }
    }
    CompletionStage<T> stage =
        invoke(policy.hasAttemptPipeline() ? attemptPipeline(number) : supplier, number);
    CompletableFuture<?> source = sourceOf(stage);
    synchronized (this) {
      currentSource = source;
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

  /** The inner layers of one attempt: circuit breaker (per copy) → hedging → attempt timeout. */
  private Supplier<? extends @Nullable CompletionStage<T>> attemptPipeline(int number) {
    HedgingPolicy hedging = policy.hedging();
    if (hedging == null) {
      return new AsyncGuardedCopy<>(policy, supplier, state.targetName(), number, null);
    }
    HedgeAccounting accounting = new HedgeAccounting(policy.retryBudget());
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

  private void settle(int number, @Nullable T value, @Nullable Throwable failure) {
    long decision;
    synchronized (this) {
      if (finished) {
        return;
      }
      decision = Settlement.afterAttempt(state, number, value, failure, statistics);
      if (decision == CallState.SUCCESS || decision == CallState.GIVE_UP) {
        finished = true;
        cancel(deadlineTimer);
      } else {
        long wait = decision;
        pendingWait = policy.scheduler().schedule(() -> wakeUp(number, wait), wait);
      }
    }
    if (decision == CallState.SUCCESS) {
      result.complete(value);
    } else if (decision == CallState.GIVE_UP) {
      finishGivingUp();
    }
  }

  private void wakeUp(int number, long waitNanos) {
    synchronized (this) {
      pendingWait = null;
      if (finished) {
        return;
      }
      Settlement.afterSleep(state, waitNanos);
    }
    try {
      policy.executor().execute(() -> runAttempt(number + 1));
    } catch (RuntimeException rejected) {
      synchronized (this) {
        if (finished) {
          return;
        }
        finished = true;
        cancel(deadlineTimer);
        state.endWith(GiveUpReason.INTERRUPTED, rejected);
      }
      result.completeExceptionally(rejected);
    }
  }

  private void deadlinePassed() {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      boolean attemptRunning = currentAttempt != null && !currentAttempt.isDone();
      if (attemptRunning) {
        state.attemptCutShort(attempt);
      }
      state.endWith(GiveUpReason.DEADLINE_EXCEEDED, null);
      stopEverything();
    }
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
