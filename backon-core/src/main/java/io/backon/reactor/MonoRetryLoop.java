package io.backon.reactor;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * A Mono call: subscribes its attempts one after the other, the next one after the decided back-off
 * (at once, or on the scheduler's timer), until an attempt answers with the call's value, emptiness
 * or failure. One subscriber carries the whole call, where {@code retryWhen} builds a companion
 * Flux, a sink and their subscribers for each subscription. Resubscribing is trampolined, so
 * attempts that fail synchronously without a wait do not deepen the stack; cancelling cancels the
 * running attempt or the pending timer, and no attempt starts after it. Not API.
 *
 * @param <T> the value type
 */
final class MonoRetryLoop<T> extends Mono<T> {

  /** The call whose attempts the loop subscribes; confined to the loop's serial signals. */
  interface Attempts<T> {

    /**
     * The next attempt, whose signal is the call's answer to it: its value, emptiness, the call's
     * failure, or a failure that {@link #isRetry} recognises.
     */
    Mono<T> next();

    /** Whether an attempt's failure is the answer asking for another attempt. */
    boolean isRetry(Throwable failure);

    /** The wait decided before the next attempt, in nanoseconds. */
    long waitNanos();

    /** The decided wait has passed. */
    void slept(long waitNanos);

    /** Where a wait's timer runs. */
    Scheduler scheduler();

    /** The subscriber cancelled the call. */
    void cancelled();
  }

  private final Attempts<T> attempts;

  MonoRetryLoop(Attempts<T> attempts) {
    this.attempts = attempts;
  }

  @Override
  public void subscribe(CoreSubscriber<? super T> actual) {
    Loop<T> loop = new Loop<>(actual, attempts);
    actual.onSubscribe(loop);
    loop.resubscribe();
  }

  /**
   * The call's subscriber: the subscription its subscriber holds, and each attempt's subscriber.
   */
  private static final class Loop<T> extends Operators.MonoSubscriber<T, T> implements Runnable {

    /** In {@link #inFlight} once the subscriber cancelled. */
    private static final Object CANCELLED = new Object();

    /** In {@link #inFlight} once the call signalled its end. */
    private static final Object TERMINATED = new Object();

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Loop, @Nullable Object> IN_FLIGHT =
        AtomicReferenceFieldUpdater.newUpdater(Loop.class, Object.class, "inFlight");

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<Loop> WIP =
        AtomicIntegerFieldUpdater.newUpdater(Loop.class, "wip");

    private final Attempts<T> attempts;

    /** The running attempt's subscription, the pending wait's timer, or {@link #CANCELLED}. */
    private volatile @Nullable Object inFlight;

    /** Resubscriptions asked for while one runs (trampoline). */
    private volatile int wip;

    private @Nullable T received;
    private long pendingWaitNanos;

    Loop(CoreSubscriber<? super T> actual, Attempts<T> attempts) {
      super(actual);
      this.attempts = attempts;
    }

    /** Subscribes the next attempt, unless one is being subscribed on this stack already. */
    void resubscribe() {
      if (WIP.getAndIncrement(this) != 0) {
        return;
      }
      do {
        if (ended()) {
          return;
        }
        Mono<T> attempt;
        try {
          attempt = attempts.next();
        } catch (Throwable failure) {
          terminate();
          actual.onError(Operators.onOperatorError(failure, actual.currentContext()));
          return;
        }
        attempt.subscribe(this);
      } while (WIP.decrementAndGet(this) != 0);
    }

    private boolean ended() {
      Object current = inFlight;
      return current == CANCELLED || current == TERMINATED;
    }

    /** Marks the call ended before its last signal; a later cancel then changes nothing. */
    private void terminate() {
      IN_FLIGHT.getAndSet(this, TERMINATED);
    }

    @Override
    public void onSubscribe(Subscription attempt) {
      Object current = inFlight;
      if (current == CANCELLED
          || current == TERMINATED
          || !IN_FLIGHT.compareAndSet(this, current, attempt)) {
        attempt.cancel();
        return;
      }
      attempt.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T value) {
      received = value;
    }

    @Override
    public void onComplete() {
      T value = received;
      received = null;
      terminate();
      if (value == null) {
        actual.onComplete();
      } else {
        complete(value);
      }
    }

    @Override
    public void onError(Throwable failure) {
      received = null;
      if (!attempts.isRetry(failure)) {
        terminate();
        actual.onError(failure);
        return;
      }
      long wait = attempts.waitNanos();
      if (wait == 0L) {
        attempts.slept(0L);
        resubscribe();
        return;
      }
      Object finished = inFlight;
      if (finished == CANCELLED || finished == TERMINATED) {
        return;
      }
      pendingWaitNanos = wait;
      Disposable timer;
      try {
        timer = attempts.scheduler().schedule(this, wait, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException refused) {
        terminate();
        actual.onError(Operators.onRejectedExecution(refused, actual.currentContext()));
        return;
      }
      // Fails when the timer already fired and a new attempt runs, or when cancelled meanwhile.
      if (!IN_FLIGHT.compareAndSet(this, finished, timer) && inFlight == CANCELLED) {
        timer.dispose();
      }
    }

    /** The wait's timer fired: the next attempt starts. */
    @Override
    public void run() {
      if (ended()) {
        return;
      }
      attempts.slept(pendingWaitNanos);
      resubscribe();
    }

    @Override
    public void cancel() {
      super.cancel();
      Object running = IN_FLIGHT.getAndSet(this, CANCELLED);
      if (running == CANCELLED || running == TERMINATED) {
        return;
      }
      if (running instanceof Subscription attempt) {
        attempt.cancel();
      } else if (running instanceof Disposable timer) {
        timer.dispose();
      }
      attempts.cancelled();
    }
  }
}
