package io.backon.internal;

import io.backon.EventType;
import io.backon.RetryListener;
import io.backon.RetryPolicy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Log lines of the engine, on the {@code System.Logger} named {@code io.backon} (routed to SLF4J /
 * Logback under Spring Boot). Only called on failure paths. Not API.
 */
final class RetryLog {

  /** The logger name every Backon log line uses. */
  public static final String LOGGER_NAME = "io.backon";

  private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

  private RetryLog() {}

  /** Before a back-off sleep: what failed, which attempt, how long the wait is. */
  static void backoff(CallState state, long waitNanos) {
    Level level = state.policy().backoffLogLevel();
    if (level == Level.OFF || !LOGGER.isLoggable(level)) {
      return;
    }
    LOGGER.log(level, "Retrying " + state.targetName() + " in " + format(waitNanos)
        + " after attempt " + state.attemptNumber() + " " + outcome(state.lastFailure(),
        state.lastResult()) + " [policy " + state.policy().name() + "]");
  }

  /** When a call gives up; the failure goes along so its stack trace is logged. */
  static void giveUp(CallState state) {
    Level level = state.policy().giveUpLogLevel();
    if (level == Level.OFF || !LOGGER.isLoggable(level)) {
      return;
    }
    int attempts = state.attemptNumber();
    String message = "Giving up on " + state.targetName() + " after " + attempts
        + (attempts == 1 ? " attempt" : " attempts") + " (" + state.giveUpReason() + ") "
        + outcome(state.lastFailure(), state.lastResult()) + " [policy " + state.policy().name()
        + "]";
    Throwable failure = state.lastFailure();
    if (failure != null) {
      LOGGER.log(level, message, failure);
    } else {
      LOGGER.log(level, message);
    }
  }

  /** Once per call, when it has made five retries less than 100 ms apart. */
  static void fastRetries(CallState state) {
    if (!LOGGER.isLoggable(Level.WARNING)) {
      return;
    }
    LOGGER.log(Level.WARNING, "Policy '" + state.policy().name() + "' has retried "
        + state.targetName() + " 5 times less than 100 ms apart; this hammers the downstream. "
        + "Use a growing wait such as Wait.expo() or fewer tries.");
  }

  /** A listener threw; the call goes on. */
  static void listenerFailed(
      RetryPolicy policy, EventType type, RetryListener listener, Throwable failure) {
    LOGGER.log(Level.WARNING, "Listener " + listener + " for " + type + " of policy '"
        + policy.name() + "' threw; the call goes on", failure);
  }

  private static String outcome(@Nullable Throwable failure, @Nullable Object result) {
    return failure != null ? "failed with " + failure : "returned rejected value " + result;
  }

  private static String format(long nanos) {
    return Duration.ofNanos(nanos).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
