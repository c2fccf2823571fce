package io.backon.breaker;

import io.backon.time.DurationText;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Log lines of circuit breakers, on the {@code System.Logger} named {@value #LOGGER_NAME}: each
 * state transition once (WARNING when the breaker starts rejecting calls, INFO otherwise), and
 * throwing state-change listeners. Rejected calls are not logged here: they are counted (see {@link
 * CircuitBreakerSnapshot}), and a retry policy logs them at DEBUG. Logging never throws into the
 * call. Not API; thread-safe.
 */
final class BreakerLog {

  /** The logger name of the breaker lines, under the {@code io.backon} parent. */
  static final String LOGGER_NAME = "io.backon.breaker";

  private static final Logger LOGGER = System.getLogger(LOGGER_NAME);

  private BreakerLog() {}

  /** The level a transition into {@code to} is logged at. */
  static Level levelOf(CircuitState to) {
    return to == CircuitState.OPEN || to == CircuitState.FORCED_OPEN ? Level.WARNING : Level.INFO;
  }

  /** Whether a transition into {@code to} would be logged. */
  static boolean logs(CircuitState to) {
    try {
      return LOGGER.isLoggable(levelOf(to));
    } catch (RuntimeException broken) {
      return false;
    }
  }

  /**
   * One line for {@code transition}, e.g. {@code Circuit breaker 'payments' CLOSED -> OPEN after
   * 2m5s in CLOSED; rejecting calls for 30s}.
   *
   * @param openNanos how long the breaker stays OPEN (only read for a transition into OPEN)
   * @param trialCalls how many trial calls HALF_OPEN admits at once (only read for HALF_OPEN)
   */
  static void transition(CircuitStateTransition transition, long openNanos, int trialCalls) {
    try {
      CircuitState to = transition.to();
      String effect =
          switch (to) {
            case OPEN -> "; rejecting calls for " + DurationText.of(openNanos);
            case HALF_OPEN ->
                "; admitting "
                    + trialCalls
                    + (trialCalls == 1 ? " trial call" : " trial calls at once");
            case FORCED_OPEN -> "; rejecting calls until closed by hand";
            case DISABLED -> "; admitting every call, recording nothing";
            case CLOSED -> "";
          };
      LOGGER.log(
          levelOf(to),
          "Circuit breaker '"
              + transition.breakerName()
              + "' "
              + transition.from()
              + " -> "
              + to
              + " after "
              + DurationText.of(transition.timeInPreviousState())
              + " in "
              + transition.from()
              + effect);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }

  /** A state-change listener threw; logged at WARNING with its stack trace (a bug to fix). */
  static void listenerFailed(CircuitStateTransition transition, Throwable failure) {
    try {
      LOGGER.log(
          Level.WARNING,
          "A state-change listener of circuit breaker '"
              + transition.breakerName()
              + "' failed on "
              + transition.from()
              + " -> "
              + transition.to()
              + "; ignored",
          failure);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable ignored) {
      // a log line is never worth breaking the call
    }
  }
}
