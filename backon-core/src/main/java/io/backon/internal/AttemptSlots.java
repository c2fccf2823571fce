package io.backon.internal;

import io.backon.AttemptsStillRunningException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The slots of one {@code supplyAsync} call whose attempts may be abandoned (attempt timeout,
 * deadline or hedging): at most {@code maxHedges} of its targets run on Backon's threads at once,
 * abandoned ones included. A target holds its slot until it really returns, even after its attempt
 * timed out and an interrupt it ignored; a later attempt or hedged copy waits in line for a slot
 * (its wait counts in its attempt timeout and in the call's deadline; cancelling it leaves the
 * line), or fails at once with {@link AttemptsStillRunningException} when the policy says so.
 * Thread-safe. Not API.
 */
final class AttemptSlots {

  private final int limit;
  private final boolean waits;
  private final String targetName;

  /** Guarded by {@code this}. */
  private int running;

  /** Guarded by {@code this}: attempts waiting for a slot, oldest first. */
  private final ArrayDeque<Waiting<?>> line = new ArrayDeque<>();

  /**
   * @param limit how many targets may run at once ({@code maxHedges}, 1 without hedging)
   * @param waits whether an attempt waits for a slot; else it fails at once
   */
  AttemptSlots(int limit, boolean waits, String targetName) {
    this.limit = limit;
    this.waits = waits;
    this.targetName = targetName;
  }

  /**
   * Runs {@code target} on {@code executor} in a free slot, or once one frees up. The returned
   * future completes with the target's outcome; cancelling it interrupts a running target, or takes
   * a waiting one out of the line.
   */
  <T extends @Nullable Object> CompletableFuture<T> submit(Callable<T> target, Executor executor) {
    AttemptContext context = AttemptContext.current();
    Waiting<T> waiting;
    synchronized (this) {
      if (running < limit) {
        running++;
        waiting = null;
      } else if (!waits) {
        return CompletableFuture.failedFuture(
            new AttemptsStillRunningException(targetName, running));
      } else {
        waiting = new Waiting<>(target, executor, context.attempt(), context.trace());
        line.add(waiting);
      }
    }
    if (waiting == null) {
      return BlockingAttempt.submit(
          target, executor, context.attempt(), context.trace(), this::release);
    }
    waiting.whenComplete(
        (value, failure) -> {
          if (waiting.isCancelled()) {
            leaveLine(waiting);
          }
        });
    return waiting;
  }

  /** The number of this call's targets running now (tests and reports). */
  synchronized int running() {
    return running;
  }

  private synchronized void leaveLine(Waiting<?> waiting) {
    line.remove(waiting);
  }

  /** A target ended, or will never run: its slot goes to the first attempt in line, if any. */
  private void release() {
    Waiting<?> next;
    synchronized (this) {
      next = line.poll();
      if (next == null) {
        running--;
        return;
      }
    }
    next.start(this::release);
  }

  /** An attempt waiting for a slot: its future follows the target's once it runs. */
  private static final class Waiting<T extends @Nullable Object> extends CompletableFuture<T> {

    private final Callable<T> target;
    private final Executor executor;
    private final int attemptNumber;
    private final @Nullable AttemptTrace trace;

    Waiting(
        Callable<T> target, Executor executor, int attemptNumber, @Nullable AttemptTrace trace) {
      this.target = target;
      this.executor = executor;
      this.attemptNumber = attemptNumber;
      this.trace = trace;
    }

    /** Runs the target in the slot just handed over; {@code onEnd} gives it back. */
    void start(Runnable onEnd) {
      CompletableFuture<T> running =
          BlockingAttempt.submit(target, executor, attemptNumber, trace, onEnd);
      running.whenComplete(
          (value, failure) -> {
            if (failure != null) {
              completeExceptionally(Stages.unwrapNonNull(failure));
            } else {
              complete(value);
            }
          });
      whenComplete(
          (value, failure) -> {
            if (isCancelled()) {
              running.cancel(true);
            }
          });
    }
  }
}
