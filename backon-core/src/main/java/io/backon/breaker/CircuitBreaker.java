package io.backon.breaker;

import io.backon.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Stops calling a failing downstream for a while. CLOSED lets calls through and records their
 * outcomes; too many failures (see {@link CircuitBreakerConfig}) open it; OPEN rejects calls until
 * the recovery timeout has passed; the next permission request then moves it to HALF_OPEN, which
 * admits at most {@code halfOpenMaxCalls} trial calls at once, closes after {@code
 * successThreshold} successes and reopens on any failure. Time comes from the config's {@link
 * Clock}; no timer thread is used.
 *
 * <p><b>Protocol.</b> Ask with {@link #tryAcquirePermission()} or {@link #acquirePermission()};
 * every call that got permission must then report exactly once, with {@link #onSuccess}, {@link
 * #onResult}, {@link #onError} or {@link #releasePermission()} (cancelled, or no verdict). In
 * HALF_OPEN that report frees the trial slot; a trial that never reports keeps its slot forever.
 * {@link #call(Callable)} does all of this for one call.
 *
 * <p>Reports carry no ticket, so an outcome counts for the state current when it is reported:
 * reports in OPEN, FORCED_OPEN and DISABLED record nothing; a report in HALF_OPEN while no trial
 * slot is taken is ignored. Trials still running from an earlier HALF_OPEN period keep their slots
 * across OPEN. The one imprecision left: a call permitted in CLOSED that outlasts the whole open
 * time (or a manual change) and reports while trials run is taken for one of them, freeing a slot
 * early.
 *
 * <p><b>Thread-safety.</b> Thread-safe and lock-free: the state is one atomic reference replaced by
 * compare-and-set, so each transition happens exactly once and is announced by exactly one event,
 * even when many failures race. Permission and success in CLOSED take no lock and allocate nothing.
 * Trial slots are a CAS-bounded counter, so HALF_OPEN never has more than {@code halfOpenMaxCalls}
 * trials in flight.
 */
public final class CircuitBreaker {

  private final String name;
  private final CircuitBreakerConfig config;
  private final StateMachine machine;

  CircuitBreaker(
      String name, CircuitBreakerConfig config, List<Consumer<CircuitStateTransition>> listeners) {
    this.name = name;
    this.config = config;
    this.machine = new StateMachine(name, config, listeners);
  }

  /** A new builder for a breaker called {@code name} (not blank). Builders are not thread-safe. */
  public static CircuitBreakerBuilder builder(String name) {
    return new CircuitBreakerBuilder(name);
  }

  /** A breaker called {@code name} with every setting at its default. */
  public static CircuitBreaker ofDefaults(String name) {
    return builder(name).build();
  }

  /** The breaker's name, used in exceptions, events and metrics. */
  public String name() {
    return name;
  }

  /** The immutable settings. */
  public CircuitBreakerConfig config() {
    return config;
  }

  /**
   * Whether the durations passed to {@link #onSuccess}, {@link #onResult} and {@link #onError}
   * matter: {@code true} only with slow-call detection ({@code slowCallDuration}). Without it a
   * caller may pass {@code 0} and skip reading the clock. Constant for the breaker's lifetime.
   */
  public boolean measuresDurations() {
    return config.slowCallNanos() > 0;
  }

  /**
   * The current state. Has no side effect: an OPEN breaker whose recovery timeout has passed
   * reports OPEN until the next permission request moves it to HALF_OPEN.
   */
  public CircuitState state() {
    return machine.state();
  }

  /**
   * The current state and metrics; see {@link CircuitBreakerSnapshot} for what each value means.
   */
  public CircuitBreakerSnapshot snapshot() {
    return machine.snapshot();
  }

  /**
   * Asks to make one call: {@code true} means go ahead (and report the outcome later); {@code
   * false} means rejected, which is counted in {@link CircuitBreakerSnapshot#rejectedCalls()}.
   * Moves an expired OPEN breaker to HALF_OPEN. Lock-free; allocation-free in CLOSED.
   */
  public boolean tryAcquirePermission() {
    return machine.acquire() == null;
  }

  /**
   * Like {@link #tryAcquirePermission()}, but throws on rejection.
   *
   * @throws CircuitOpenException when the call is rejected
   */
  public void acquirePermission() {
    Phase rejecting = machine.acquire();
    if (rejecting != null) {
      throw machine.rejection(rejecting);
    }
  }

  /**
   * How long an OPEN breaker keeps rejecting before its recovery timeout lets a trial call through;
   * {@link Duration#ZERO} in every other state (a FORCED_OPEN breaker rejects until it is moved).
   * Has no side effect.
   */
  public Duration remainingOpenTime() {
    return Duration.ofNanos(machine.remainingOpenNanos());
  }

  /**
   * The exception a call rejected now would get: state and remaining open time ({@link
   * Duration#ZERO} unless OPEN). Works in any state, including those that permit calls.
   */
  public CircuitOpenException rejection() {
    return machine.rejection(null);
  }

  /**
   * Reports a successful call that took {@code durationNanos} (for slow-call detection). In
   * HALF_OPEN a slow success counts as a failure. Allocation-free in CLOSED.
   */
  public void onSuccess(long durationNanos) {
    machine.success(isSlow(durationNanos));
  }

  /**
   * Reports a call that returned {@code result} after {@code durationNanos}: a failure when the
   * {@code recordResult} predicate matches it, else a success. If the predicate throws, the
   * permission is released and the exception propagates.
   */
  public void onResult(long durationNanos, @Nullable Object result) {
    boolean failed;
    try {
      failed = config.isFailureResult(result);
    } catch (RuntimeException | Error e) {
      machine.release();
      throw e;
    }
    if (failed) {
      machine.failure(isSlow(durationNanos));
    } else {
      machine.success(isSlow(durationNanos));
    }
  }

  /**
   * Reports a call that threw {@code failure} after {@code durationNanos}: ignored (permission
   * released) when it matches {@code ignoreOn}; else a failure when it matches {@code recordOn};
   * else a success (the downstream answered).
   */
  public void onError(long durationNanos, Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    if (config.isIgnored(failure)) {
      machine.release();
    } else if (config.isRecorded(failure)) {
      machine.failure(isSlow(durationNanos));
    } else {
      machine.success(isSlow(durationNanos));
    }
  }

  /**
   * Reports that a permitted call ended without an outcome (cancelled, ignored): frees its slot.
   */
  public void releasePermission() {
    machine.release();
  }

  /**
   * Runs {@code target} under this breaker: acquires permission, times the call with the config's
   * clock (only when slow-call detection is on), reports the outcome, and returns the value or
   * rethrows the failure unchanged.
   *
   * @throws CircuitOpenException when the call is rejected ({@code target} does not run)
   */
  public <T extends @Nullable Object> T call(Callable<T> target) throws Exception {
    Objects.requireNonNull(target, "target");
    acquirePermission();
    // Durations only feed slow-call detection: without it the clock is not read at all.
    Clock clock = config.clock();
    boolean timed = measuresDurations();
    long start = timed ? clock.nanoTime() : 0L;
    T result;
    try {
      result = target.call();
    } catch (VirtualMachineError fatal) {
      releasePermission();
      throw fatal;
    } catch (Throwable failure) {
      onError(timed ? clock.nanoTime() - start : 0L, failure);
      throw failure;
    }
    onResult(timed ? clock.nanoTime() - start : 0L, result);
    return result;
  }

  /** Moves to FORCED_OPEN: every call is rejected until another manual change. No-op if there. */
  public void forceOpen() {
    machine.moveTo(CircuitState.FORCED_OPEN, false);
  }

  /** Moves to CLOSED with an empty window, ending any recovery backoff. No-op when CLOSED. */
  public void close() {
    machine.moveTo(CircuitState.CLOSED, false);
  }

  /** Moves to HALF_OPEN, admitting trial calls now. No-op when HALF_OPEN. */
  public void halfOpen() {
    machine.moveTo(CircuitState.HALF_OPEN, false);
  }

  /** Moves to DISABLED: every call is permitted, nothing is recorded. No-op when DISABLED. */
  public void disable() {
    machine.moveTo(CircuitState.DISABLED, false);
  }

  /**
   * Back to CLOSED from any state, with empty metrics, no recovery backoff and a rejected-calls
   * count of zero. Announces a transition only when the state changes.
   */
  public void reset() {
    machine.moveTo(CircuitState.CLOSED, true);
  }

  /**
   * Adds a listener called once per state change (automatic or manual), on the thread that made it,
   * after the listeners given to the builder, in registration order. Changes racing on different
   * threads may be announced out of order. A throwing listener is logged at WARNING on the {@code
   * System.Logger} {@code io.backon.breaker} and ignored.
   *
   * @return this breaker
   */
  public CircuitBreaker onStateChange(Consumer<CircuitStateTransition> listener) {
    machine.listeners().add(listener);
    return this;
  }

  private boolean isSlow(long durationNanos) {
    long slowNanos = config.slowCallNanos();
    return slowNanos > 0 && durationNanos >= slowNanos;
  }

  @Override
  public String toString() {
    return "CircuitBreaker{name=" + name + ", state=" + state() + '}';
  }
}
