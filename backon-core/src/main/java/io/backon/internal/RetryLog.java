package io.backon.internal;

import io.backon.EventType;
import io.backon.RetryListener;
import io.backon.RetryPolicy;
import io.backon.time.DurationText;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * Log lines of the retry engine, on the {@code System.Logger} named {@value #LOGGER_NAME} (routed
 * to SLF4J / Logback under Spring Boot): back-off lines, give-up lines (see {@link GiveUpLine}),
 * the rate-limited fast-retry warning and throwing listeners. Lines carry no stack trace unless
 * DEBUG is enabled for the logger, and never the whole message of a failure (see {@link
 * FailureText}). Logging never throws into the call. Only called on failure paths. Not API.
 */
final class RetryLog {

  /** The logger name of the retry engine's lines, under the {@code io.backon} parent. */
  public static final String LOGGER_NAME = "io.backon.retry";

  private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

  private RetryLog() {}

  /** Before a back-off sleep: what failed, which attempt, how long the wait is. */
  static void backoff(CallState state, long waitNanos) {
    try {
      Level level = state.policy().backoffLogLevel();
      if (level == Level.OFF || !LOGGER.isLoggable(level)) {
        return;
      }
      Throwable failure = state.lastFailure();
      LOGGER.log(
          level,
          "Retrying "
              + state.targetName()
              + " in "
              + DurationText.of(waitNanos)
              + " after attempt "
              + state.attemptNumber()
              + " "
              + (failure != null
                  ? "failed with " + FailureText.of(failure)
                  : "returned a " + rejectedValue(state.lastResult()))
              + " [policy "
              + state.policy().name()
              + "]");
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }

  /**
   * When a call gives up: one line, at the level {@link GiveUpLine#level} chooses. The failure's
   * stack trace goes along only when DEBUG is enabled for this logger, its messages cut as the
   * line's ({@link RedactedFailure}).
   *
   * @param fallsBack whether the policy's fallback (or the caller's) answers the call
   */
  static void giveUp(CallState state, boolean fallsBack) {
    try {
      Level level = GiveUpLine.level(state, fallsBack);
      if (level == Level.OFF || !LOGGER.isLoggable(level)) {
        return;
      }
      String line = GiveUpLine.text(state, fallsBack);
      Throwable failure = state.lastFailure();
      if (failure != null && LOGGER.isLoggable(Level.DEBUG)) {
        LOGGER.log(level, line, RedactedFailure.of(failure));
      } else {
        LOGGER.log(level, line);
      }
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }

  /**
   * Once per call, when it has made five retries less than 100 ms apart; at most one line per
   * policy per minute (see {@link FastRetryWarnings}), counting the calls it covers.
   */
  static void fastRetries(CallState state) {
    try {
      RetryPolicy policy = state.policy();
      FastRetryWarnings.Due due = FastRetryWarnings.count(policy, policy.clock().nanoTime());
      if (due == null || !LOGGER.isLoggable(Level.WARNING)) {
        return;
      }
      String covered =
          due.sinceLastNanos() < 0
              ? "1 call so far"
              : due.calls()
                  + (due.calls() == 1 ? " call" : " calls")
                  + " in the last "
                  + DurationText.of(due.sinceLastNanos());
      LOGGER.log(
          Level.WARNING,
          "Policy '"
              + policy.name()
              + "' has retried "
              + state.targetName()
              + " 5 times less than 100 ms apart ("
              + covered
              + "); this hammers the downstream. Use a growing wait such as Wait.expo() or fewer "
              + "tries. Logged at most once a minute per policy.");
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }

  /** A listener threw; the call goes on. Logged at WARNING with the stack trace: a bug to fix. */
  static void listenerFailed(
      RetryPolicy policy, EventType type, RetryListener listener, Throwable failure) {
    try {
      if (!LOGGER.isLoggable(Level.WARNING)) {
        return;
      }
      LOGGER.log(
          Level.WARNING,
          "Listener "
              + describe(listener)
              + " for "
              + type
              + " of policy '"
              + policy.name()
              + "' threw; the call goes on",
          failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }

  /** {@code rejected value (String)}: the value's type, never the value (it may be a body). */
  static String rejectedValue(@Nullable Object value) {
    return "rejected value (" + (value == null ? "null" : typeName(value)) + ")";
  }

  private static String typeName(Object value) {
    String simple = value.getClass().getSimpleName();
    return simple.isEmpty() ? value.getClass().getName() : simple;
  }

  private static String describe(RetryListener listener) {
    try {
      return String.valueOf(listener);
    } catch (RuntimeException broken) {
      return TargetNames.of(listener);
    }
  }
}
