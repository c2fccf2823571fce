package io.backon.micrometer;

import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

/**
 * The {@code backon.calls} timers and {@code backon.attempts} counters of one policy with one
 * {@value BackonMeterNames#EXCEPTION} tag value, one per outcome, each registered on first use.
 * Thread-safe.
 */
final class ExceptionMeters {

  private static final CallOutcome[] CALL_OUTCOMES = CallOutcome.values();
  private static final AttemptOutcome[] ATTEMPT_OUTCOMES = AttemptOutcome.values();

  private final MeterSlots<Timer> calls;
  private final MeterSlots<Counter> attempts;

  ExceptionMeters(RetryMeters meters, String policyName, String exceptionTag) {
    this.calls =
        new MeterSlots<>(
            CALL_OUTCOMES.length,
            i -> meters.callTimer(policyName, CALL_OUTCOMES[i], exceptionTag),
            RetryMeters.unregisteredTimer(BackonMeterNames.CALLS),
            RetryMeters.describe(BackonMeterNames.CALLS, policyName, exceptionTag));
    this.attempts =
        new MeterSlots<>(
            ATTEMPT_OUTCOMES.length,
            i -> meters.attemptCounter(policyName, ATTEMPT_OUTCOMES[i], exceptionTag),
            RetryMeters.unregisteredCounter(BackonMeterNames.ATTEMPTS),
            RetryMeters.describe(BackonMeterNames.ATTEMPTS, policyName, exceptionTag));
  }

  /** The {@code backon.calls} timer of {@code outcome}. */
  Timer call(CallOutcome outcome) {
    return calls.get(outcome.ordinal());
  }

  /** The {@code backon.attempts} counter of {@code outcome}. */
  Counter attempt(AttemptOutcome outcome) {
    return attempts.get(outcome.ordinal());
  }
}
