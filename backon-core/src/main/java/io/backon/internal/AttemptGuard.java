package io.backon.internal;

import io.backon.time.Cancellable;
import io.backon.time.Scheduler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Interrupts a synchronous attempt that outlives its time (attempt timeout or deadline) while the
 * target keeps running on the caller's own thread, so ThreadLocals, transactions and security
 * context stay intact. A small state machine makes sure the interrupt never leaks out of the
 * attempt: either the attempt finishes first and the timer is called off, or the timer wins and
 * {@link #finish()} waits for its interrupt and clears it. Not API.
 */
final class AttemptGuard implements Runnable {

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int FIRING = 2;
  private static final int FIRED = 3;

  private final AtomicInteger phase = new AtomicInteger(RUNNING);
  private final Thread thread;
  private final Cancellable timer;

  /** Whether the thread's flag was already set when the timer fired: not ours to clear. */
  private boolean flagWasSet;

  private AttemptGuard(Scheduler scheduler, long timeoutNanos) {
    this.thread = Thread.currentThread();
    this.timer = scheduler.schedule(this, timeoutNanos);
  }

  /** Starts guarding the current thread for {@code timeoutNanos}. */
  static AttemptGuard start(Scheduler scheduler, long timeoutNanos) {
    return new AttemptGuard(scheduler, timeoutNanos);
  }

  @Override
  public void run() {
    if (phase.compareAndSet(RUNNING, FIRING)) {
      flagWasSet = thread.isInterrupted();
      thread.interrupt();
      phase.set(FIRED);
    }
  }

  /** Whether the time has run out (the interrupt is being or has been delivered). */
  boolean fired() {
    return phase.get() >= FIRING;
  }

  /**
   * Ends the guard on the attempt's thread.
   *
   * @return whether the time ran out (the attempt was interrupted; that interrupt is now cleared,
   *     while one the thread already had when the time ran out is kept)
   */
  boolean finish() {
    if (phase.compareAndSet(RUNNING, FINISHED)) {
      timer.cancel();
      return false;
    }
    while (phase.get() != FIRED) {
      Thread.onSpinWait();
    }
    if (!flagWasSet) {
      Thread.interrupted(); // the caller's own interrupt, set before the timer fired, stays set
    }
    return true;
  }
}
