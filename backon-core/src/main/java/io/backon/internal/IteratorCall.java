package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.instrumentation.TraceScope;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The engine of the iterator face ({@code Attempts}): the same decision, events, context,
 * instrumentation and breaker layer as the blocking loop, driven by the caller's {@code for} loop
 * instead of a lambda. Because the loop body runs the target itself, the engine cannot interrupt
 * it: an attempt reported after the attempt timeout counts as timed out (its outcome discarded, a
 * failure suppressed), and one reported after the deadline ends the call with {@code
 * DeadlineExceededException}. Hedging needs the engine to run copies and does not apply.
 * Single-use; confined to the iterating thread. Not API.
 */
public final class IteratorCall {

  private enum Phase {
    READY,
    RUNNING,
    REPORTED,
    SUCCEEDED,
    GAVE_UP
  }

  private final Pipeline pipeline;
  private final RetryPolicy policy;
  private final @Nullable AtomicReference<RetryStatistics> statistics;
  private final GlobalSettings overrides;
  private final CallState state;
  private final boolean disabled;
  private Phase phase = Phase.READY;
  private int number;
  private int savedContext;
  private @Nullable TraceScope traceScope;
  private @Nullable Object value;
  private @Nullable Throwable failure;
  private boolean permitted;
  private long startNanos;
  private boolean gaveUpDone;
  private @Nullable Object giveUpValue;
  private @Nullable Exception giveUpFailure;

  /**
   * A call under {@code pipeline}'s policy.
   *
   * @param nameSource names the target when there is no invocation
   */
  public IteratorCall(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    this.pipeline = pipeline;
    this.policy = pipeline.policy();
    this.statistics = statistics;
    this.overrides = GlobalSettings.current();
    this.disabled = overrides.disabled() || !policy.enabled();
    this.state =
        new CallState(pipeline, overrides, invocation, nameSource, policy.clock().nanoTime(), null)
            .blocking();
  }

  /** The number of the attempt handed out last, 0 before the first. */
  public int number() {
    return number;
  }

  /**
   * Whether another attempt follows: decides after a reported attempt (sleeping the back-off) and
   * asks the breaker before handing one out (a rejection is settled like a failed attempt).
   *
   * @throws IllegalStateException when the current attempt was not reported
   */
  public boolean advance() {
    switch (phase) {
      case READY:
        return admitted();
      case RUNNING:
        throw new IllegalStateException(
            "attempt "
                + number
                + " was neither succeeded nor failed; "
                + "call attempt.succeed(value) or attempt.fail(exception) before the next iteration");
      case REPORTED:
        return settle() && admitted(); // hasNext() is true only for an attempt next() hands out
      default:
        return false;
    }
  }

  private boolean admitted() {
    BreakerLayer breaker = pipeline.breaker();
    if (disabled || breaker == null || permitted) {
      return true;
    }
    while (!breaker.admit()) {
      number++;
      state.beginAttempt(number); // a rejected attempt starts like on every other face
      if (!settleOutcome(null, breaker.breaker().rejection())) {
        return false;
      }
    }
    permitted = true;
    return true;
  }

  /** Starts the next attempt (after {@link #advance()} said one follows) and returns its number. */
  public int start() {
    startNanos = policy.clock().nanoTime();
    number++;
    if (disabled) {
      countAttempt();
    } else {
      state.beginAttempt(number);
    }
    savedContext = AttemptContext.current().enter(number);
    if (!disabled) {
      AttemptTrace trace = state.attemptTrace();
      traceScope = trace == null ? null : trace.open();
    }
    phase = Phase.RUNNING;
    return number;
  }

  /**
   * Takes the outcome of attempt {@code attempt}.
   *
   * @throws IllegalStateException when it is not the running attempt or was already reported
   */
  public void report(int attempt, @Nullable Object result, @Nullable Throwable thrown) {
    if (attempt != number || phase != Phase.RUNNING) {
      throw new IllegalStateException(
          "Attempt{" + attempt + "} was already reported or is not the " + "current one");
    }
    TraceScope scope = traceScope;
    if (scope != null) {
      scope.close();
    }
    traceScope = null;
    AttemptContext.current().restore(savedContext);
    long duration = policy.clock().nanoTime() - startNanos;
    Throwable outcome = thrown;
    @Nullable Object accepted = result;
    TimeoutLayer timeout = pipeline.timeout();
    if (!disabled && timeout != null && duration >= timeout.nanos()) {
      Throwable timedOut = timeout.timedOut(state.targetName(), attempt);
      if (thrown != null) {
        timedOut.addSuppressed(thrown);
      }
      outcome = timedOut;
      accepted = null;
    }
    boolean late = !disabled && pastDeadline();
    BreakerLayer breaker = pipeline.breaker();
    if (permitted && breaker != null) {
      permitted = false;
      try {
        breaker.report(duration, accepted, outcome, late);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable judging) { // a throwing recordResult fails the attempt, as when blocking
        if (outcome != null && outcome != judging) {
          judging.addSuppressed(outcome);
        }
        outcome = judging;
        accepted = null;
      }
    }
    this.value = accepted;
    this.failure = outcome;
    this.phase = Phase.REPORTED;
    if (disabled) {
      phase = outcome == null ? Phase.SUCCEEDED : Phase.GAVE_UP;
    } else if (late) {
      state.attemptCutShort(attempt, outcome);
      state.endWith(GiveUpReason.DEADLINE_EXCEEDED, outcome);
      Settlement.record(statistics, state);
      phase = Phase.GAVE_UP;
    }
  }

  private boolean pastDeadline() {
    long deadline = pipeline.deadlineNanos();
    return deadline >= 0 && policy.clock().nanoTime() - state.startNanos() >= deadline;
  }

  private boolean settle() {
    return settleOutcome(value, failure);
  }

  private boolean settleOutcome(@Nullable Object outcome, @Nullable Throwable thrown) {
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
   * The call's result once iteration has ended.
   *
   * @throws Exception the last failure as reported, or what the give-up produced
   * @throws IllegalStateException while attempts are still pending
   */
  public @Nullable Object result() throws Exception {
    if (phase == Phase.REPORTED) {
      settle();
    }
    if (phase == Phase.SUCCEEDED) {
      return value;
    }
    if (phase != Phase.GAVE_UP) {
      throw new IllegalStateException("the call has not ended; iterate until hasNext() is false");
    }
    if (disabled) {
      Throwable thrown = failure;
      if (thrown == null) {
        return value;
      }
      throw Exceptions.propagate(thrown);
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
    return giveUpValue;
  }

  @Override
  public String toString() {
    return "policy=" + policy.name() + ", attempt=" + number + ", " + phase;
  }

  /** Counts an attempt for the testing scopes when retrying is off. */
  private void countAttempt() {
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
  }
}
