package io.backon.instrumentation;

import java.util.Locale;

/** How a call ended, as reported to {@link CallTracer#callEnded}. */
public enum CallOutcome {

  /** The first attempt's outcome was accepted. */
  SUCCESS_WITHOUT_RETRY,
  /** An outcome was accepted after one or more retries. */
  SUCCESS_WITH_RETRY,
  /** The call gave up after its first attempt (not retryable, circuit open, budget, ...). */
  FAILURE_WITHOUT_RETRY,
  /** The call gave up after retrying, or was cancelled after more than one attempt. */
  FAILURE_WITH_RETRY,
  /** The call gave up and the policy's fallback returned its value. */
  FALLBACK;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** The lowercase name used as tag value, e.g. {@code success_with_retry}. */
  public String tagValue() {
    return tagValue;
  }

  /** {@link #SUCCESS_WITHOUT_RETRY} for one attempt, else {@link #SUCCESS_WITH_RETRY}. */
  public static CallOutcome success(int attempts) {
    return attempts <= 1 ? SUCCESS_WITHOUT_RETRY : SUCCESS_WITH_RETRY;
  }

  /** {@link #FAILURE_WITHOUT_RETRY} for one attempt (or none), else {@link #FAILURE_WITH_RETRY}. */
  public static CallOutcome failure(int attempts) {
    return attempts <= 1 ? FAILURE_WITHOUT_RETRY : FAILURE_WITH_RETRY;
  }
}
