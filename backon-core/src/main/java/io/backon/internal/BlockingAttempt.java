package io.backon.internal;

import io.backon.instrumentation.TraceScope;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * A blocking attempt (or hedged copy) run on an executor (a virtual thread when available).
 * Cancelling the future interrupts the worker thread, but only while it runs this attempt; one
 * cancelled before it started never runs. While it runs, the worker
 * thread carries the attempt number for {@code Retries.attemptNumber()}. Not API.
 */
final class BlockingAttempt<T extends @Nullable Object> extends CompletableFuture<T>
    implements Runnable {

  private final Callable<T> target;
  private @Nullable Thread runner;
  private final int attemptNumber;
  private final @Nullable AttemptTrace trace;

  private BlockingAttempt(Callable<T> target, int attemptNumber, @Nullable AttemptTrace trace) {
    this.target = target;
    this.attemptNumber = attemptNumber;
    this.trace = trace;
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
    BlockingAttempt<T> attempt = new BlockingAttempt<>(target, attemptNumber, trace);
    try {
      executor.execute(attempt);
    } catch (RuntimeException rejected) {
      attempt.completeExceptionally(rejected);
    }
    return attempt;
  }

  @Override
  public void run() {
    synchronized (this) {
      if (isDone()) {
        return;
      }
      runner = Thread.currentThread();
    }
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(attemptNumber);
    TraceScope scope = AttemptTrace.open(trace);
    try {
      complete(target.call());
    } catch (Throwable failure) {
      completeExceptionally(failure);
    } finally {
      AttemptTrace.close(scope);
      context.restore(saved);
      synchronized (this) {
        runner = null;
      }
      Thread.interrupted(); // an interrupt meant for this attempt must not leak to the next task
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
