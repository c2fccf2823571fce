package io.backon.internal;

import io.backon.AttemptsStillRunningException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The slots of one policy's targets that run on Backon's threads ({@code supplyAsync} attempts and
 * the blocking face's hedged copies), for policies whose attempts may be abandoned (attempt
 * timeout, deadline or hedging): at most {@code maxHedges} per call in flight run at once,
 * abandoned ones included. A target holds its slot until it really returns, even after its attempt
 * timed out and after its call ended; an attempt (first, retry or hedged copy) that finds every
 * slot taken waits in line for one (its wait counts in its attempt timeout and in the call's
 * deadline; cancelling it leaves the line), or fails at once with {@link
 * AttemptsStillRunningException} when the policy says so. So targets that ignore their interrupt
 * never pile up: a new call waits for its share while the targets its predecessors abandoned still
 * run. Thread-safe. Not API.
 */
final class AttemptSlots {

  private final int perCall;
  private final boolean waits;

  /** Guarded by {@code this}: targets running now, abandoned ones included. */
  private int running;

  /** Guarded by {@code this}: calls opened and not yet closed. */
  private int callsInFlight;

  /** Guarded by {@code this}: attempts waiting for a slot, oldest first. */
  private final ArrayDeque<Waiting<?>> line = new ArrayDeque<>();

  /**
   * @param perCall how many targets each call in flight may add ({@code maxHedges}, 1 without
   *     hedging)
   * @param waits whether an attempt waits for a slot; else it fails at once
   */
  AttemptSlots(int perCall, boolean waits) {
    this.perCall = perCall;
    this.waits = waits;
  }

  /**
   * Opens a call: {@code perCall} more slots until it is {@linkplain Call#close() closed}, which
   * attempts in line (of any call) may take at once.
   */
  Call open(String targetName) {
    synchronized (this) {
      callsInFlight++;
    }
    startWaiting();
    return new Call(targetName);
  }

  /** One call's access to its policy's slots; closed once, when the call's future completes. */
  final class Call {

    private final String targetName;

    private Call(String targetName) {
      this.targetName = targetName;
    }

    /**
     * Runs {@code target} on {@code executor} in a free slot, or once one frees up. The returned
     * future completes with the target's outcome; cancelling it interrupts a running target, or
     * takes a waiting one out of the line.
     */
    <T extends @Nullable Object> CompletableFuture<T> submit(
        Callable<T> target, Executor executor) {
      AttemptContext context = AttemptContext.current();
      return AttemptSlots.this.submit(
          target, executor, context.attempt(), context.trace(), targetName);
    }

    /** Like {@link #submit(Callable, Executor)} for the attempt {@code attemptNumber}. */
    <T extends @Nullable Object> CompletableFuture<T> submit(
        Callable<T> target, Executor executor, int attemptNumber, @Nullable AttemptTrace trace) {
      return AttemptSlots.this.submit(target, executor, attemptNumber, trace, targetName);
    }

    /** The call ended: its share of slots goes; targets it left running keep theirs. */
    void close() {
      synchronized (AttemptSlots.this) {
        callsInFlight--;
      }
    }
  }

  private <T extends @Nullable Object> CompletableFuture<T> submit(
      Callable<T> target,
      Executor executor,
      int attemptNumber,
      @Nullable AttemptTrace trace,
      String targetName) {
    Waiting<T> waiting;
    synchronized (this) {
      if (line.isEmpty() && running < capacity()) {
        running++;
        waiting = null;
      } else if (!waits) {
        return CompletableFuture.failedFuture(
            new AttemptsStillRunningException(targetName, running));
      } else {
        waiting = new Waiting<>(target, executor, attemptNumber, trace);
        line.add(waiting);
      }
    }
    if (waiting == null) {
      return BlockingAttempt.submit(target, executor, attemptNumber, trace, this::release);
    }
    waiting.whenComplete(
        (value, failure) -> {
          if (waiting.isCancelled()) {
            leaveLine(waiting);
          }
        });
    return waiting;
  }

  /** Guarded by {@code this}: the slots of the calls in flight. */
  private long capacity() {
    return (long) callsInFlight * perCall;
  }

  /** The number of this policy's targets running now, abandoned ones included (tests, reports). */
  synchronized int running() {
    return running;
  }

  private synchronized void leaveLine(Waiting<?> waiting) {
    line.remove(waiting);
  }

  /** A target ended, or will never run: its slot goes to the attempts in line, if any. */
  private void release() {
    synchronized (this) {
      running--;
    }
    startWaiting();
  }

  /** Starts the attempts in line, oldest first, while free slots last. */
  private void startWaiting() {
    while (true) {
      Waiting<?> next;
      synchronized (this) {
        if (line.isEmpty() || running >= capacity()) {
          return;
        }
        next = line.poll();
        running++;
      }
      next.start(this::release);
    }
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
