package io.backon.internal;

import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.Fallback;
import io.backon.GiveUpReason;
import io.backon.RetriesExhaustedException;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.TraceScope;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * What follows an attempt, shared by every face (blocking loop, iterator, async loop, Reactor):
 * record, fire {@code AFTER}, decide with {@link CallState#decide()}, then fire {@code SUCCESS}, or
 * give up, or fire {@code BEFORE_SLEEP}/{@code BACKOFF} and log. Each face only differs in how it
 * waits. Not API.
 */
final class Settlement {

  private Settlement() {}

  /**
   * Settles attempt {@code attempt}.
   *
   * @return {@link CallState#SUCCESS}, {@link CallState#GIVE_UP}, or the back-off in nanoseconds
   *     that the caller must now wait (then call {@link #afterSleep})
   */
  public static long afterAttempt(
      CallState state,
      int attempt,
      @Nullable Object value,
      @Nullable Throwable thrown,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    state.recordOutcome(attempt, value, thrown);
    CallEvents.fire(state, EventType.AFTER, attempt);
    long decision;
    try {
      decision = state.decide();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      return policyFailed(state, attempt, thrown, broken, statistics);
    }
    // traced() first: an uninstrumented call never reaches trace(), whose return type the JIT
    // would have to load before inlining it
    CallTrace trace = state.traced() ? state.trace() : null;
    if (trace != null) {
      trace.attemptSettled(attempt, thrown, decision == CallState.SUCCESS);
    }
    if (decision == CallState.SUCCESS) {
      CallEvents.fire(state, EventType.SUCCESS, attempt);
      record(statistics, state);
      if (trace != null) {
        trace.callEnded(CallOutcome.success(attempt), null, attempt);
      }
      return decision;
    }
    if (decision == CallState.GIVE_UP) {
      record(statistics, state);
      return decision;
    }
    CallEvents.fire(state, EventType.BEFORE_SLEEP, attempt);
    CallEvents.fire(state, EventType.BACKOFF, attempt);
    RetryLog.backoff(state, decision);
    return decision;
  }

  /** Ends a call whose policy callback (condition, wait, stop, ...) threw {@code broken}. */
  private static long policyFailed(
      CallState state,
      int attempt,
      @Nullable Throwable thrown,
      Throwable broken,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    if (thrown != null && thrown != broken) {
      broken.addSuppressed(thrown);
    }
    state.endWith(GiveUpReason.POLICY_ERROR, broken);
    record(statistics, state);
    CallTrace trace = state.trace();
    if (trace != null) {
      trace.attemptSettled(attempt, thrown != null ? thrown : broken, false);
    }
    return CallState.GIVE_UP;
  }

  /** Accounts a completed back-off and warns once per call about hot retry loops. */
  public static void afterSleep(CallState state, long waitNanos) {
    if (state.sleptAndAdvance(waitNanos)) {
      RetryLog.fastRetries(state);
    }
  }

  /** Records the call's statistics, if the policy keeps them. */
  public static void record(
      @Nullable AtomicReference<RetryStatistics> statistics, CallState state) {
    if (statistics != null) {
      Statistics.record(
          statistics,
          state.policy().clock(),
          state.startNanos(),
          state.policy().clock().nanoTime(),
          state.attemptNumber(),
          state.idleNanos());
    }
  }

  /**
   * Ends a call that gave up: tells the listeners, logs, then returns the fallback's value, returns
   * the last value / null ({@code raiseOnGiveUp(false)}), or throws: the last failure unchanged, a
   * {@link DeadlineExceededException} (cause: the last failure) when the deadline ended the call,
   * or a {@link RetriesExhaustedException} when the last outcome was a rejected value. A policy
   * callback that threw ends the call with its exception (fallback skipped). An interrupt skips the
   * fallback; one that ended a back-off sleep is added to the thrown failure as suppressed. The
   * instrumentation, if any, then sees the call end.
   */
  public static <T extends @Nullable Object> T giveUp(CallState state) throws Exception {
    Fallback fallback = state.policy().fallback();
    if (fallback != null && fallback.isAppliedByCaller()) {
      return endAsWithoutFallback(state, fallback);
    }
    CallTrace trace = state.trace();
    if (trace == null) {
      return giveUpUntraced(state);
    }
    int attempts = state.attemptNumber();
    T value;
    try {
      value = giveUpInCallerScope(state, trace);
    } catch (Exception | Error thrown) {
      trace.callEnded(CallOutcome.failure(attempts), thrown, attempts);
      throw thrown;
    }
    boolean fellBack =
        fallback != null
            && state.giveUpReason() != GiveUpReason.INTERRUPTED
            && fallback.answers(state.lastFailure());
    trace.callEnded(
        fellBack ? CallOutcome.FALLBACK : CallOutcome.failure(attempts),
        state.lastFailure(),
        attempts);
    return value;
  }

  /**
   * Gives up in the call's caller's scope ({@link CallTrace#openGiveUpScope()}), whichever thread
   * this runs on, so that its listeners and log line are in a trace also when the call started in
   * none (an async call's settlement may have opened the caller's already; scopes nest).
   */
  private static <T extends @Nullable Object> T giveUpInCallerScope(
      CallState state, CallTrace trace) throws Exception {
    TraceScope scope = trace.openGiveUpScope();
    try {
      return giveUpUntraced(state);
    } finally {
      AttemptTrace.closeScope(scope);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends @Nullable Object> T giveUpUntraced(CallState state) throws Exception {
    CallEvents.fire(state, EventType.GIVE_UP, state.attemptNumber());
    RetryPolicy policy = state.policy();
    Throwable failure = state.lastFailure();
    GiveUpReason reason = state.giveUpReason();
    boolean interrupted = reason == GiveUpReason.INTERRUPTED;
    Fallback fallback = policy.fallback();
    boolean fallsBack = fallback != null && !interrupted && fallback.answers(failure);
    RetryLog.giveUp(state, fallsBack && reason != GiveUpReason.POLICY_ERROR);
    Throwable ending = state.endingFailure();
    if (reason == GiveUpReason.POLICY_ERROR && ending != null) {
      throw Exceptions.propagate(ending);
    }
    if (fallback != null && fallsBack) {
      try {
        return Nulls.cast(
            fallback.apply(CallEvents.event(state, EventType.GIVE_UP, state.attemptNumber())));
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable fallbackFailure) {
        if (failure != null && failure != fallbackFailure) {
          fallbackFailure.addSuppressed(failure);
        }
        throw Exceptions.propagate(fallbackFailure);
      }
    }
    if (!policy.raiseOnGiveUp() && !interrupted) {
      return Nulls.cast(failure == null ? state.lastResult() : null);
    }
    throw Exceptions.propagate(failureToThrow(state, failure, reason));
  }

  /**
   * Ends a call whose fallback the caller applies: tells the listeners, then ends as without a
   * fallback, with its give-up line at DEBUG and its outcome {@code fallback} when that fallback
   * takes what the call ends with (asked once). Listeners and line run in the give-up scope, as
   * {@link #giveUpInCallerScope} runs them.
   */
  private static <T extends @Nullable Object> T endAsWithoutFallback(
      CallState state, Fallback callerFallback) throws Exception {
    CallTrace trace = state.trace();
    TraceScope scope = trace == null ? null : trace.openGiveUpScope();
    int attempts = state.attemptNumber();
    GiveUpReason reason = state.giveUpReason();
    Throwable ending = state.endingFailure();
    Throwable failure = state.lastFailure();
    Throwable thrown = null;
    boolean taken = false;
    try {
      CallEvents.fire(state, EventType.GIVE_UP, attempts);
      if (reason == GiveUpReason.POLICY_ERROR && ending != null) {
        thrown = ending;
      } else if (state.policy().raiseOnGiveUp() || reason == GiveUpReason.INTERRUPTED) {
        thrown = failureToThrow(state, failure, reason);
      }
      taken = thrown != null && callerFallback.answers(thrown);
      RetryLog.giveUp(state, taken);
    } finally {
      if (scope != null) {
        AttemptTrace.closeScope(scope);
      }
    }
    if (thrown == null) {
      if (trace != null) {
        trace.callEnded(CallOutcome.failure(attempts), failure, attempts);
      }
      return Nulls.cast(failure == null ? state.lastResult() : null);
    }
    if (trace != null) {
      trace.callEnded(
          taken ? CallOutcome.FALLBACK : CallOutcome.failure(attempts), thrown, attempts);
    }
    throw Exceptions.propagate(thrown);
  }

  private static Throwable failureToThrow(
      CallState state, @Nullable Throwable failure, @Nullable GiveUpReason reason) {
    Throwable toThrow;
    if (reason == GiveUpReason.DEADLINE_EXCEEDED) {
      toThrow =
          new DeadlineExceededException(
              state.targetName(),
              Duration.ofNanos(state.policy().deadlineNanos()),
              state.attemptNumber(),
              failure);
    } else if (failure != null) {
      toThrow = failure;
    } else {
      toThrow =
          new RetriesExhaustedException(
              state.targetName(),
              state.attemptNumber(),
              reason == null ? GiveUpReason.STOP_CONDITION : reason,
              state.lastResult());
    }
    Throwable extra = state.endingFailure();
    if (extra != null && extra != toThrow) {
      toThrow.addSuppressed(extra);
    }
    return toThrow;
  }
}
