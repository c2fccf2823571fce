package io.backon.breaker;

import io.backon.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The states and transitions behind a {@link CircuitBreaker}. The current {@link Phase} is one
 * {@link AtomicReference}; every transition is a compare-and-set from the phase the deciding thread
 * observed to a new phase, so racing threads make (and announce) each transition exactly once.
 * Lock-free; permission and success in CLOSED allocate nothing.
 */
final class StateMachine {

  private final String name;
  private final CircuitBreakerConfig config;
  private final Clock clock;
  private final AtomicReference<Phase> phase;
  private final LongAdder rejected = new LongAdder();
  private final StateListeners listeners;

  StateMachine(
      String name, CircuitBreakerConfig config, List<Consumer<CircuitStateTransition>> listeners) {
    this.name = name;
    this.config = config;
    this.clock = config.clock();
    this.phase = new AtomicReference<>(Phase.closed(clock.nanoTime(), new ClosedMetrics(config)));
    this.listeners = new StateListeners(listeners);
  }

  CircuitState state() {
    return phase.get().state;
  }

  StateListeners listeners() {
    return listeners;
  }

  CircuitBreakerSnapshot snapshot() {
    Phase p = phase.get();
    return p.metrics.snapshot(
        p.state, rejected.sum(), Duration.ofNanos(Math.max(0L, clock.nanoTime() - p.enteredNanos)));
  }

  /** Returns {@code null} when permitted, else the phase that rejected (counted). */
  @Nullable Phase acquire() {
    for (; ; ) {
      Phase p = phase.get();
      switch (p.state) {
        case CLOSED, DISABLED -> {
          return null;
        }
        case OPEN -> {
          long now = clock.nanoTime();
          if (now - p.openUntilNanos < 0) {
            rejected.increment();
            return p;
          }
          transition(p, p.halfOpen(now)); // then ask again: HALF_OPEN, unless another change won
        }
        case HALF_OPEN -> {
          if (!p.tryAdmit(config.halfOpenMaxCalls())) {
            if (phase.get() != p) {
              continue; // the state moved on: ask the new one
            }
            rejected.increment();
            return p;
          }
          if (phase.get() == p) {
            return null;
          }
          p.release(); // the state moved on while we took the slot: give it back, ask again
        }
        default -> {
          rejected.increment();
          return p;
        }
      }
    }
  }

  void success(boolean slow) {
    Phase p = phase.get();
    switch (p.state) {
      case CLOSED -> {
        if (p.metrics.recordSuccess(slow)) {
          transition(p, p.open(clock.nanoTime(), config));
        }
      }
      case HALF_OPEN -> {
        if (!p.release()) {
          return; // not a trial: a call from an earlier CLOSED period
        }
        if (slow) {
          transition(p, p.open(clock.nanoTime(), config));
        } else if (p.successes.incrementAndGet() >= config.successThreshold()) {
          transition(p, Phase.closed(clock.nanoTime(), new ClosedMetrics(config)));
        }
      }
      case OPEN -> p.release();
      default -> {}
    }
  }

  void failure(boolean slow) {
    Phase p = phase.get();
    switch (p.state) {
      case CLOSED -> {
        if (p.metrics.recordFailure(slow)) {
          transition(p, p.open(clock.nanoTime(), config));
        }
      }
      case HALF_OPEN -> {
        if (p.trials.get() <= 0) {
          return; // not a trial: a call from an earlier CLOSED period
        }
        // Reopen before giving the slot back, so that no other caller takes it in between: the
        // open phase shares the slot count, so the release is counted either way.
        transition(p, p.open(clock.nanoTime(), config));
        p.release();
      }
      case OPEN -> p.release();
      default -> {}
    }
  }

  void release() {
    Phase p = phase.get();
    if (p.state == CircuitState.HALF_OPEN || p.state == CircuitState.OPEN) {
      p.release();
    }
  }

  /** Nanoseconds until an OPEN breaker's recovery timeout passes; 0 in other states. */
  long remainingOpenNanos() {
    Phase p = phase.get();
    return p.state == CircuitState.OPEN ? Math.max(0L, p.openUntilNanos - clock.nanoTime()) : 0L;
  }

  CircuitOpenException rejection(@Nullable Phase rejecting) {
    Phase p = rejecting != null ? rejecting : phase.get();
    Duration remaining =
        p.state == CircuitState.OPEN
            ? Duration.ofNanos(Math.max(0L, p.openUntilNanos - clock.nanoTime()))
            : Duration.ZERO;
    return new CircuitOpenException(name, p.state, remaining);
  }

  /** A manual change; {@code always} makes a fresh phase even when already in {@code target}. */
  void moveTo(CircuitState target, boolean always) {
    for (; ; ) {
      Phase p = phase.get();
      if (p.state == target && !always) {
        return;
      }
      long now = clock.nanoTime();
      Phase next =
          target == CircuitState.CLOSED
              ? Phase.closed(now, new ClosedMetrics(config))
              : target == CircuitState.HALF_OPEN ? p.halfOpen(now) : p.manual(target, now);
      if (phase.compareAndSet(p, next)) {
        if (p.state != target) {
          announce(p, next);
        }
        if (always) {
          rejected.reset();
        }
        return;
      }
    }
  }

  private void transition(Phase from, Phase to) {
    if (phase.compareAndSet(from, to)) {
      announce(from, to);
    }
  }

  private void announce(Phase from, Phase to) {
    boolean logged = BreakerLog.logs(to.state);
    if (listeners.isEmpty() && !logged) {
      return;
    }
    CircuitStateTransition transition =
        new CircuitStateTransition(
            name,
            from.state,
            to.state,
            clock.wallTime(),
            Duration.ofNanos(Math.max(0L, to.enteredNanos - from.enteredNanos)));
    if (logged) {
      BreakerLog.transition(
          transition, to.openUntilNanos - to.enteredNanos, config.halfOpenMaxCalls());
    }
    if (!listeners.isEmpty()) {
      listeners.publish(transition);
    }
  }
}
