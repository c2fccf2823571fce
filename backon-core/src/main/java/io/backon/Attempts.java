package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.instrumentation.TraceScope;
import io.backon.internal.AttemptContext;
import io.backon.internal.AttemptTrace;
import io.backon.internal.CallState;
import io.backon.internal.GlobalSettings;
import io.backon.internal.Nulls;
import io.backon.internal.Overrides;
import io.backon.internal.Settlement;
import io.backon.internal.StatisticsRecorder;
import io.backon.internal.SyncEngine;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The attempts of one call, for code that cannot be wrapped in a lambda:
 *
 * <pre>{@code
 * Attempts<String> attempts = retrying.attempts();
 * for (Attempt<String> attempt : attempts) {
 *   try {
 *     attempt.succeed(client.fetch(url));
 *   } catch (IOException e) {
 *     attempt.fail(e);
 *   }
 * }
 * String body = attempts.result(); // the value, or throws the last failure
 * }</pre>
 *
 * <p>Iteration follows the policy exactly like {@link Retrying#call}: {@code hasNext()} decides,
 * sleeps the back-off, fires the callbacks and asks the circuit breaker (a rejected attempt is
 * never handed out). Attempt timeouts, deadlines and hedging need the engine to run the target and
 * do not apply to this face. With an instrumentation, each attempt's scope is open from {@code
 * next()} until it is reported, and a call that gave up ends when {@link #result()} is called.
 * Single-use; confined to the iterating thread.
 *
 * @param <T> the value type
 */
public final class Attempts<T extends @Nullable Object> implements Iterable<Attempt<T>> {

  private enum Phase { READY, RUNNING, REPORTED, SUCCEEDED, GAVE_UP }

  private final RetryPolicy policy;
  private final @Nullable StatisticsRecorder statistics;
  private final Overrides overrides;
  private final CallState state;
  private final boolean disabled;
  private Phase phase = Phase.READY;
  private int number;
  private int savedContext;
  private @Nullable TraceScope traceScope;
  private @Nullable T value;
  private @Nullable Throwable failure;
  private boolean iterated;
  private boolean permitted;
  private long startNanos;
  private boolean gaveUpDone;
  private @Nullable Object giveUpValue;
  private @Nullable Exception giveUpFailure;

  Attempts(RetryPolicy policy, @Nullable Invocation invocation,
      @Nullable StatisticsRecorder statistics) {
    this.policy = policy;
    this.statistics = statistics;
    this.overrides = GlobalSettings.current();
    this.disabled = overrides.disabled() || !policy.enabled();
    this.state = new CallState(policy, overrides, invocation, this, policy.clock().nanoTime())
        .blocking();
  }

  /** The one iterator of this call; a second call throws {@link IllegalStateException}. */
  @Override
  public Iterator<Attempt<T>> iterator() {
    if (iterated) {
      throw new IllegalStateException("Attempts are single-use; get new ones from retrying.attempts()");
    }
    iterated = true;
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return advance();
      }

      @Override
      public Attempt<T> next() {
        if (!advance()) {
          throw new NoSuchElementException("the call has ended after attempt " + number);
        }
        return start();
      }
    };
  }

  private boolean advance() {
    switch (phase) {
      case READY:
        return admitted();
      case RUNNING:
        throw new IllegalStateException("attempt " + number + " was neither succeeded nor failed; "
            + "call attempt.succeed(value) or attempt.fail(exception) before the next iteration");
      case REPORTED:
        return settle();
      default:
        return false;
    }
  }

  /**
   * Asks the policy's circuit breaker for the next attempt before it is handed out; a rejection is
   * settled like a failed attempt (it ends the call unless the policy retries rejections), so the
   * loop body never runs against an open breaker.
   */
  private boolean admitted() {
    CircuitBreaker breaker = policy.circuitBreaker();
    if (disabled || breaker == null || permitted) {
      return true;
    }
    while (!breaker.tryAcquirePermission()) {
      number++;
      if (!settleOutcome(null, breaker.rejection())) {
        return false;
      }
    }
    permitted = true;
    return true;
  }

  private Attempt<T> start() {
    startNanos = policy.clock().nanoTime();
    number++;
    if (!disabled) {
      state.fire(EventType.ATTEMPT, number);
      state.fire(EventType.BEFORE, number);
    }
    java.util.concurrent.atomic.AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
    savedContext = AttemptContext.current().enter(number);
    if (!disabled) {
      state.attemptStarted(number);
      traceScope = AttemptTrace.open(state.attemptTrace());
    }
    phase = Phase.RUNNING;
    return new Attempt<>(this, number);
  }

  void report(Attempt<T> attempt, @Nullable T result, @Nullable Throwable thrown) {
    if (attempt.number() != number || phase != Phase.RUNNING) {
      throw new IllegalStateException(attempt + " was already reported or is not the current one");
    }
    AttemptTrace.close(traceScope);
    traceScope = null;
    AttemptContext.current().restore(savedContext);
    this.value = result;
    this.failure = thrown;
    this.phase = Phase.REPORTED;
    CircuitBreaker breaker = policy.circuitBreaker();
    if (permitted && breaker != null) {
      permitted = false;
      long duration = policy.clock().nanoTime() - startNanos;
      if (thrown != null) {
        breaker.onError(duration, thrown);
      } else {
        breaker.onResult(duration, result);
      }
    }
    if (disabled) {
      phase = thrown == null ? Phase.SUCCEEDED : Phase.GAVE_UP;
    }
  }

  private boolean settle() {
    return settleOutcome(value, failure);
  }

  private boolean settleOutcome(@Nullable T outcome, @Nullable Throwable thrown) {
    this.value = outcome;
    this.failure = thrown;
    int step = SyncEngine.settle(state, number, outcome, thrown, statistics);
    if (step == SyncEngine.RETRY) {
      phase = Phase.READY;
      return true;
    }
    phase = step == SyncEngine.SUCCEEDED ? Phase.SUCCEEDED : Phase.GAVE_UP;
    return false;
  }

  /**
   * The call's result once iteration has ended: the accepted value, the fallback's value, or (with
   * {@code raiseOnGiveUp(false)}) the last value / null.
   *
   * @throws Exception the last failure as reported to {@link Attempt#fail}
   * @throws IllegalStateException while attempts are still pending
   */
  @SuppressWarnings("unchecked")
  public T result() throws Exception {
    if (phase == Phase.REPORTED) {
      settle();
    }
    if (phase == Phase.SUCCEEDED) {
      return Nulls.cast(value);
    }
    if (phase != Phase.GAVE_UP) {
      throw new IllegalStateException("the call has not ended; iterate until hasNext() is false");
    }
    if (disabled) {
      Throwable thrown = failure;
      if (thrown == null) {
        return Nulls.cast(value);
      }
      throw io.backon.internal.Exceptions.propagate(thrown);
    }
    if (!gaveUpDone) {
      gaveUpDone = true;
      try {
        giveUpValue = Settlement.giveUp(state);
      } catch (Exception thrown) {
        giveUpFailure = thrown;
      }
    }
    Exception thrown = giveUpFailure;
    if (thrown != null) {
      throw thrown;
    }
    return Nulls.cast(giveUpValue);
  }

  @Override
  public String toString() {
    return "Attempts{policy=" + policy.name() + ", attempt=" + number + ", " + phase + '}';
  }
}
