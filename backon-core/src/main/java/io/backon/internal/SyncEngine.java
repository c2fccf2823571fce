package io.backon.internal;

import io.backon.EventType;
import io.backon.Fallback;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetriesExhaustedException;
import io.backon.RetryPolicy;
import io.backon.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The blocking retry loop behind every synchronous face. The first attempt runs without allocating
 * anything; the {@link CallState} and its events appear only once an attempt fails, a value must be
 * checked, or listeners are registered. Not API.
 */
public final class SyncEngine {

  /** {@link #settle} result: the call succeeded with the attempt's value. */
  public static final int SUCCEEDED = 0;
  /** {@link #settle} result: the call gave up; finish it with {@link #giveUp}. */
  public static final int GAVE_UP = 1;
  /** {@link #settle} result: the back-off was slept; the next attempt may start. */
  public static final int RETRY = 2;

  private SyncEngine() {}

  /**
   * Calls {@code target} under {@code policy} on the calling thread.
   *
   * @param invocation names the target for events and logs; {@code null} derives a name
   * @param statistics receives the call's statistics, or {@code null}
   * @return the target's value, or the fallback's, or (without raising) the last value / null
   * @throws Exception the last failure of the target as it threw it, or the fallback's failure
   */
  public static <T extends @Nullable Object> T call(
      RetryPolicy policy,
      @Nullable Invocation invocation,
      Callable<T> target,
      @Nullable StatisticsRecorder statistics)
      throws Exception {
    Overrides overrides = GlobalSettings.current();
    if (overrides.disabled() || !policy.enabled()) {
      return target.call();
    }
    Clock clock = policy.clock();
    boolean timed = policy.timed();
    long start = timed ? clock.nanoTime() : 0L;
    AtomicInteger counter = overrides.attemptCounter();
    AttemptContext context = AttemptContext.current();
    CallState state =
        policy.hasListeners() ? new CallState(policy, overrides, invocation, target, start) : null;
    int attempt = 1;
    while (true) {
      if (state != null) {
        state.fire(EventType.ATTEMPT, attempt);
        state.fire(EventType.BEFORE, attempt);
      }
      if (counter != null) {
        counter.incrementAndGet();
      }
      T value = null;
      Throwable thrown = null;
      int saved = context.enter(attempt);
      try {
        value = target.call();
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable failure) {
        thrown = failure;
      } finally {
        context.restore(saved);
      }
      if (state == null) {
        if (thrown == null && !policy.checksResults()) {
          if (statistics != null) {
            statistics.record(start, clock.nanoTime(), 1, 0L);
          }
          return value;
        }
        state = new CallState(policy, overrides, invocation, target, timed ? start : clock.nanoTime());
      }
      int step = settle(state, attempt, value, thrown, statistics);
      if (step == SUCCEEDED) {
        return value;
      }
      if (step == GAVE_UP) {
        return giveUp(state);
      }
      attempt++;
    }
  }

  /**
   * Everything that follows one attempt, shared by the loop and the iterator face: record the
   * outcome, fire {@code AFTER}, decide, then either fire {@code SUCCESS}, or give up, or fire
   * {@code BEFORE_SLEEP} and {@code BACKOFF}, log and sleep. An interrupt during the sleep gives up
   * with {@link GiveUpReason#INTERRUPTED} and restores the thread's interrupt flag.
   */
  public static int settle(CallState state, int attempt, @Nullable Object value,
      @Nullable Throwable thrown, @Nullable StatisticsRecorder statistics) {
    state.recordOutcome(attempt, value, thrown);
    state.fire(EventType.AFTER, attempt);
    long decision = state.decide();
    if (decision == CallState.SUCCESS) {
      state.fire(EventType.SUCCESS, attempt);
      record(statistics, state);
      return SUCCEEDED;
    }
    if (decision == CallState.GIVE_UP) {
      record(statistics, state);
      return GAVE_UP;
    }
    state.fire(EventType.BEFORE_SLEEP, attempt);
    state.fire(EventType.BACKOFF, attempt);
    RetryLog.backoff(state, decision);
    try {
      state.policy().sleeper().sleep(decision);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      state.interruptedDuringSleep(interrupted);
      record(statistics, state);
      return GAVE_UP;
    }
    if (state.sleptAndAdvance(decision)) {
      RetryLog.fastRetries(state);
    }
    return RETRY;
  }

  private static void record(@Nullable StatisticsRecorder statistics, CallState state) {
    if (statistics != null) {
      statistics.record(state.startNanos(), state.policy().clock().nanoTime(),
          state.attemptNumber(), state.idleNanos());
    }
  }

  /**
   * Ends a call that gave up: tells the listeners, logs, then returns the fallback's value, returns
   * the last value / null ({@code raiseOnGiveUp(false)}), or throws the last failure unchanged. An
   * interrupt skips the fallback; one that ended a back-off sleep is added to the thrown failure as
   * suppressed.
   */
  @SuppressWarnings("unchecked")
  public static <T extends @Nullable Object> T giveUp(CallState state) throws Exception {
    InterruptedException interrupted = state.sleepInterrupt();
    state.fire(EventType.GIVE_UP, state.attemptNumber());
    RetryLog.giveUp(state);
    RetryPolicy policy = state.policy();
    Throwable failure = state.lastFailure();
    GiveUpReason reason = state.giveUpReason();
    boolean wasInterrupted = reason == GiveUpReason.INTERRUPTED;
    Fallback fallback = policy.fallback();
    if (fallback != null && !wasInterrupted) {
      try {
        return (T) fallback.apply(state.event(EventType.GIVE_UP, state.attemptNumber()));
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable fallbackFailure) {
        if (failure != null && failure != fallbackFailure) {
          fallbackFailure.addSuppressed(failure);
        }
        throw Exceptions.propagate(fallbackFailure);
      }
    }
    if (!policy.raiseOnGiveUp() && !wasInterrupted) {
      return failure == null ? (T) state.lastResult() : (T) null;
    }
    Throwable toThrow = failure != null ? failure : new RetriesExhaustedException(
        state.targetName(), state.attemptNumber(),
        reason == null ? GiveUpReason.STOP_CONDITION : reason, state.lastResult());
    if (interrupted != null) {
      toThrow.addSuppressed(interrupted);
    }
    throw Exceptions.propagate(toThrow);
  }
}
