package io.backon.internal;

import io.backon.instrumentation.TraceScope;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A blocking attempt (or hedged copy) run on an executor (a virtual thread when available).
 * Cancelling the future interrupts the worker thread, but only while it runs this attempt; one
 * cancelled before it started never runs. While it runs, the worker thread carries the attempt
 * number for {@code Retries.attemptNumber()}. Not API.
 */
final class BlockingAttempt<T extends @Nullable Object> extends CompletableFuture<T>
    implements Runnable {

  private final Callable<T> target;
  private @Nullable Thread runner;
  private final int attemptNumber;
  private final @Nullable AttemptTrace trace;

  /** Told once when the target has returned, or will never run; may be null. */
  private final @Nullable Runnable onEnd;

  private BlockingAttempt(
      Callable<T> target,
      int attemptNumber,
      @Nullable AttemptTrace trace,
      @Nullable Runnable onEnd) {
    this.target = target;
    this.attemptNumber = attemptNumber;
    this.trace = trace;
    this.onEnd = onEnd;
  }

  /**
   * Submits {@code target} to {@code executor} and returns its future; the worker sees the calling
   * thread's current attempt number and has its instrumented attempt's scope open.
   */
  public static <T extends @Nullable Object> CompletableFuture<T> submit(
      Callable<T> target, Executor executor) {
    AttemptContext context = AttemptContext.current();
    return submit(target, executor, context.attempt(), context.trace());
  }

  /**
   * Submits {@code target} to {@code executor}; the worker sees {@code attemptNumber} and has
   * {@code trace}'s scope open, if any. A rejection by the executor fails the returned future.
   */
  public static <T extends @Nullable Object> CompletableFuture<T> submit(
      Callable<T> target, Executor executor, int attemptNumber, @Nullable AttemptTrace trace) {
    return submit(target, executor, attemptNumber, trace, null);
  }

  /**
   * As above; {@code onEnd}, if not null, runs once the target has really returned (after an
   * interrupt it ignored, too), or once it is certain never to run (cancelled before it started,
   * rejected by the executor).
   */
  static <T extends @Nullable Object> CompletableFuture<T> submit(
      Callable<T> target,
      Executor executor,
      int attemptNumber,
      @Nullable AttemptTrace trace,
      @Nullable Runnable onEnd) {
    BlockingAttempt<T> attempt = new BlockingAttempt<>(target, attemptNumber, trace, onEnd);
    try {
      executor.execute(attempt);
    } catch (RuntimeException rejected) {
      attempt.completeExceptionally(rejected);
      attempt.ended();
    }
    return attempt;
  }

  @Override
  public void run() {
    synchronized (this) {
      if (isDone()) {
        ended(); // cancelled before it started: it never runs
        return;
      }
      runner = Thread.currentThread();
    }
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(attemptNumber);
    TraceScope scope = trace == null ? null : trace.open();
    try {
      complete(target.call());
    } catch (Throwable failure) {
      completeExceptionally(failure);
    } finally {
      if (scope != null) {
        scope.close();
      }
      context.restore(saved);
      synchronized (this) {
        runner = null;
      }
      Thread.interrupted(); // an interrupt meant for this attempt must not leak to the next task
      ended();
    }
  }

  private void ended() {
    Runnable end = onEnd;
    if (end != null) {
      end.run();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    synchronized (this) {
      Thread thread = runner;
      if (cancelled && thread != null) {
        thread.interrupt();
      }
    }
    return cancelled;
  }
}
