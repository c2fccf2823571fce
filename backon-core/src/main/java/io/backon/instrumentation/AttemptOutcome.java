package io.backon.instrumentation;

import java.util.Locale;

/** How one attempt ended, as reported to {@link AttemptTracer#attemptEnded}. */
public enum AttemptOutcome {

  /** The attempt returned a value the policy accepted. */
  SUCCESS,
  /**
   * The attempt returned a value the policy's result condition ({@code retryIfResult}, {@code
   * retryIf}) matched, so it was retried (or the call gave up).
   */
  RETRYABLE_RESULT,
  /** The attempt threw (or its stage failed) with anything not listed below. */
  FAILURE,
  /** The attempt exceeded the policy's {@code attemptTimeout} ({@code AttemptTimeoutException}). */
  TIMEOUT,
  /**
   * The circuit breaker refused the attempt ({@code CircuitOpenException}); the target did not run.
   */
  CIRCUIT_OPEN,
  /**
   * The attempt was cut short: the call's deadline passed while it ran, the caller cancelled the
   * call, or its future was cancelled.
   */
  CANCELLED;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** The lowercase name used as tag value, e.g. {@code circuit_open}. */
  public String tagValue() {
    return tagValue;
  }
}
