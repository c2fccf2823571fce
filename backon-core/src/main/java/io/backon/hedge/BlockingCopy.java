package io.backon.hedge;

import io.backon.internal.AttemptContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One blocking copy run on an executor. Cancelling the future interrupts the worker thread, but
 * only while it runs this copy; a copy cancelled before it started never runs. The worker carries
 * the retry attempt number of the hedged call for {@code Retries.attemptNumber()}. Not API.
 */
final class BlockingCopy<T extends @Nullable Object> extends CompletableFuture<T>
    implements Runnable {

  private final Callable<T> target;
  private final int attemptNumber;
  private @Nullable Thread runner;

  private BlockingCopy(Callable<T> target, int attemptNumber) {
    this.target = target;
    this.attemptNumber = attemptNumber;
  }

  /** Submits {@code target} to {@code executor}; a rejection fails the returned future. */
  static <T extends @Nullable Object> CompletableFuture<T> submit(
      Callable<T> target, Executor executor, int attemptNumber) {
    BlockingCopy<T> copy = new BlockingCopy<>(target, attemptNumber);
    try {
      executor.execute(copy);
    } catch (RuntimeException rejected) {
      copy.completeExceptionally(rejected);
    }
    return copy;
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
    try {
      complete(target.call());
    } catch (Throwable failure) {
      completeExceptionally(failure);
    } finally {
      context.restore(saved);
      synchronized (this) {
        runner = null;
      }
      Thread.interrupted(); // an interrupt meant for this copy must not leak to the pool's next task
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
