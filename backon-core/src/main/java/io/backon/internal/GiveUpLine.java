package io.backon.internal;

import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitOpenException;
import java.lang.System.Logger.Level;

/**
 * The one line logged when a call gives up: its level and its text. A failure that reaches the
 * caller is logged at the policy's give-up level; a call saved by a fallback (or returning instead
 * of throwing, {@code raiseOnGiveUp(false)}) and a call an open breaker rejected before any of its
 * attempts reached the target are logged at DEBUG (or lower if the policy's level is lower; a
 * fallback that throws hands its exception to the caller, who decides what to log). A call whose
 * own failures opened the breaker, so that it ended on a rejection, is logged at the give-up level,
 * naming the target's last failure after the rejection. The text names the target, the attempts,
 * the reason, the failure (class and a short first line of its message) and the policy, e.g. {@code
 * Giving up on PaymentClient.charge after 3 attempts (max tries reached): java.io.IOException:
 * connection reset [policy payments]}. Not API.
 */
final class GiveUpLine {

  /** The reason text of a call whose last attempt an open breaker rejected. */
  static final String CIRCUIT_OPEN = "circuit open";

  private GiveUpLine() {}

  /**
   * The level to log {@code state}'s give-up at, or {@link Level#OFF} for none.
   *
   * @param fallsBack whether a fallback (the policy's or the caller's) answers the call
   */
  static Level level(CallState state, boolean fallsBack) {
    Level configured = state.policy().giveUpLogLevel();
    if (configured == Level.OFF || !(neverReachedTarget(state) || answered(state, fallsBack))) {
      return configured;
    }
    return configured.getSeverity() < Level.DEBUG.getSeverity() ? configured : Level.DEBUG;
  }

  /** The text of {@code state}'s give-up line; {@code fallsBack} as for {@link #level}. */
  static String text(CallState state, boolean fallsBack) {
    RetryPolicy policy = state.policy();
    GiveUpReason given = state.giveUpReason();
    GiveUpReason reason = given != null ? given : GiveUpReason.STOP_CONDITION;
    Throwable failure = state.lastFailure();
    boolean rejected = rejectedByBreaker(state);
    int attempts = state.attemptNumber();
    StringBuilder line = new StringBuilder(160);
    line.append(fallsBack ? "Falling back on " : "Giving up on ").append(state.targetName());
    if (rejected) {
      line.append(" at attempt ").append(attempts);
    } else {
      line.append(" after ").append(attempts).append(attempts == 1 ? " attempt" : " attempts");
    }
    String description = policy.describe(reason);
    line.append(" (").append(reasonText(reason, description, rejected)).append(')');
    Throwable ending = state.endingFailure();
    Throwable shown = reason == GiveUpReason.POLICY_ERROR && ending != null ? ending : failure;
    if (shown != null) {
      line.append(": ").append(FailureText.of(shown));
      Throwable opening = rejected ? state.failureBeforeRejection() : null;
      if (opening != null) {
        line.append(" (after ").append(FailureText.of(opening)).append(')');
      }
    } else if (reason != GiveUpReason.DEADLINE_EXCEEDED) {
      line.append(": ").append(RetryLog.rejectedValue(state.lastResult()));
    }
    line.append(" [policy ").append(policy.name()).append(']');
    if (!fallsBack && answered(state, false)) {
      line.append("; returning ")
          .append(failure == null ? "the last result" : "null")
          .append(" (raiseOnGiveUp false)");
    }
    return line.toString();
  }

  /**
   * The reason as the line says it: its {@code description} (the reason's own, or the policy's
   * {@code giveUpIf} reason), except for a call whose last attempt an open breaker rejected:
   * {@value #CIRCUIT_OPEN} (alone when that ended the call, after the reason when a limit was
   * reached as well).
   */
  static String reasonText(GiveUpReason reason, String description, boolean rejectedByBreaker) {
    if (!rejectedByBreaker) {
      return description;
    }
    return reason == GiveUpReason.NOT_RETRYABLE ? CIRCUIT_OPEN : description + ", " + CIRCUIT_OPEN;
  }

  /** Whether an open breaker rejected the last attempt, so it never reached the target. */
  static boolean rejectedByBreaker(CallState state) {
    return state.lastFailure() instanceof CircuitOpenException;
  }

  /**
   * Whether an open breaker rejected the call before any of its attempts reached the target: a
   * rejection that followed failures of the target (often the ones that opened the breaker) ends a
   * call whose failure reaches the caller like any other.
   */
  private static boolean neverReachedTarget(CallState state) {
    return rejectedByBreaker(state) && state.failureBeforeRejection() == null;
  }

  /** Whether the caller gets a value: a fallback answers, or raiseOnGiveUp(false). */
  private static boolean answered(CallState state, boolean fallsBack) {
    return fallsBack || (!state.policy().raiseOnGiveUp() && endsNormally(state));
  }

  /** An interrupt and a throwing policy callback always end the call with an exception. */
  private static boolean endsNormally(CallState state) {
    GiveUpReason reason = state.giveUpReason();
    return reason != GiveUpReason.INTERRUPTED && reason != GiveUpReason.POLICY_ERROR;
  }
}
