package io.backon.breaker;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stay of a breaker in one state: immutable apart from its counters, replaced as a whole by a
 * compare-and-set on every transition. Because every transition installs a new instance, a CAS from
 * the instance a thread observed succeeds at most once, so each transition happens (and is
 * announced) exactly once, with no ABA problem.
 *
 * <p>{@link #trials} counts trial calls admitted in HALF_OPEN that have not reported yet. It is
 * shared along a HALF_OPEN → OPEN → HALF_OPEN chain, so trials still running from an earlier
 * HALF_OPEN period keep occupying their slots; it starts at zero when OPEN is entered from any
 * other state.
 */
final class Phase {

  final CircuitState state;
  final long enteredNanos;

  /** When OPEN ends, on the monotonic clock; meaningless in other states. */
  final long openUntilNanos;

  /** Consecutive trips without closing, for the recovery backoff; 0 after closing. */
  final int trips;

  final ClosedMetrics metrics;
  final AtomicInteger trials;

  /** Successful trials in this HALF_OPEN period. */
  final AtomicInteger successes = new AtomicInteger();

  private Phase(
      CircuitState state,
      long enteredNanos,
      long openUntilNanos,
      int trips,
      ClosedMetrics metrics,
      AtomicInteger trials) {
    this.state = state;
    this.enteredNanos = enteredNanos;
    this.openUntilNanos = openUntilNanos;
    this.trips = trips;
    this.metrics = metrics;
    this.trials = trials;
  }

  static Phase closed(long now, ClosedMetrics fresh) {
    return new Phase(CircuitState.CLOSED, now, 0L, 0, fresh, new AtomicInteger());
  }

  /** OPEN after one more trip; keeps this phase's trial slots if it was HALF_OPEN. */
  Phase open(long now, CircuitBreakerConfig config) {
    int nextTrips = trips == Integer.MAX_VALUE ? trips : trips + 1;
    AtomicInteger slots = state == CircuitState.HALF_OPEN ? trials : new AtomicInteger();
    return new Phase(
        CircuitState.OPEN, now, now + config.openNanos(nextTrips), nextTrips, metrics, slots);
  }

  /** HALF_OPEN; keeps this phase's trial slots if it was OPEN. */
  Phase halfOpen(long now) {
    AtomicInteger slots = state == CircuitState.OPEN ? trials : new AtomicInteger();
    return new Phase(CircuitState.HALF_OPEN, now, 0L, trips, metrics, slots);
  }

  /** FORCED_OPEN or DISABLED: keeps the trip count and the frozen metrics. */
  Phase manual(CircuitState target, long now) {
    return new Phase(target, now, 0L, trips, metrics, new AtomicInteger());
  }

  /** Takes a trial slot if fewer than {@code max} are taken. */
  boolean tryAdmit(int max) {
    for (; ; ) {
      int taken = trials.get();
      if (taken >= max) {
        return false;
      }
      if (trials.compareAndSet(taken, taken + 1)) {
        return true;
      }
    }
  }

  /** Frees a trial slot; {@code false} when none was taken (the caller was not a trial). */
  boolean release() {
    for (; ; ) {
      int taken = trials.get();
      if (taken <= 0) {
        return false;
      }
      if (trials.compareAndSet(taken, taken - 1)) {
        return true;
      }
    }
  }
}
