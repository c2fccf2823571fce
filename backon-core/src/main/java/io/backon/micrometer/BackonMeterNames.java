package io.backon.micrometer;

import org.jspecify.annotations.Nullable;

/**
 * The names and tag keys of Backon's meters. Names follow Micrometer's conventions (dot-separated,
 * lowercase, base units: timers in seconds); every tag has a bounded set of values. In Prometheus
 * {@code backon.calls} becomes {@code backon_calls_seconds_count}/{@code _sum}/{@code _max}.
 */
public final class BackonMeterNames {

  /** Timer per call; tags {@value #NAME} (policy), {@value #OUTCOME}, {@value #EXCEPTION}. */
  public static final String CALLS = "backon.calls";

  /** Counter per attempt; tags {@value #NAME} (policy), {@value #OUTCOME}, {@value #EXCEPTION}. */
  public static final String ATTEMPTS = "backon.attempts";

  /**
   * Timer per attempt, only when {@link BackonMicrometerBuilder#attemptDurations(boolean)} is on
   * (percentile histogram on request); tags {@value #NAME}, {@value #OUTCOME}.
   */
  public static final String ATTEMPT_DURATION = "backon.attempt.duration";

  /** Counter per hedged attempt; tags {@value #NAME} (policy), {@value #OUTCOME}. */
  public static final String HEDGES = "backon.hedges";

  /**
   * Gauge per breaker and state, 1 for the current state else 0; tags {@value #NAME}, {@value
   * #STATE}.
   */
  public static final String CIRCUIT_BREAKER_STATE = "backon.circuitbreaker.state";

  /** Counter of state changes; tags {@value #NAME} (breaker), {@value #FROM}, {@value #TO}. */
  public static final String CIRCUIT_BREAKER_TRANSITIONS = "backon.circuitbreaker.transitions";

  /** Counter of calls the breaker rejected; tag {@value #NAME} (breaker). */
  public static final String CIRCUIT_BREAKER_NOT_PERMITTED = "backon.circuitbreaker.not.permitted";

  /**
   * Gauge, failure rate of the window in percent, NaN below {@code minimumCalls}; tag {@value
   * #NAME}.
   */
  public static final String CIRCUIT_BREAKER_FAILURE_RATE = "backon.circuitbreaker.failure.rate";

  /** Gauge, slow-call rate of the window in percent, NaN when not measured; tag {@value #NAME}. */
  public static final String CIRCUIT_BREAKER_SLOW_CALL_RATE =
      "backon.circuitbreaker.slow.call.rate";

  /** Gauge, tokens left in the retry budget; tag {@value #NAME} (budget). */
  public static final String BUDGET_TOKENS = "backon.budget.tokens";

  /** Counter of retries and hedges the budget refused; tag {@value #NAME} (budget). */
  public static final String BUDGET_REFUSED = "backon.budget.refused";

  /** Tag key: the policy, breaker or budget name. */
  public static final String NAME = "name";

  /** Tag key: how the call, attempt or hedged race ended (lowercase enum name). */
  public static final String OUTCOME = "outcome";

  /**
   * Tag key: the simple class name of the failure, {@value #NONE}, or {@value #OTHER} past a
   * policy's limit of distinct values.
   */
  public static final String EXCEPTION = "exception";

  /** Tag key: a breaker state in lowercase, e.g. {@code half_open}. */
  public static final String STATE = "state";

  /** Tag key: the state a breaker left. */
  public static final String FROM = "from";

  /** Tag key: the state a breaker entered. */
  public static final String TO = "to";

  /** The {@value #EXCEPTION} value when there was no failure. */
  public static final String NONE = "none";

  /**
   * The {@value #EXCEPTION} value of failures whose class would be a policy's tag value beyond its
   * limit ({@link BackonMicrometer#DEFAULT_MAX_EXCEPTION_TAGS}, see {@link
   * BackonMicrometerBuilder#maxExceptionTags}), so an unexpected variety of exceptions cannot
   * multiply the time series.
   */
  public static final String OTHER = "other";

  private BackonMeterNames() {}

  /** The {@value #EXCEPTION} tag value: the failure's simple class name, or {@value #NONE}. */
  public static String exceptionTag(@Nullable Throwable failure) {
    if (failure == null) {
      return NONE;
    }
    return EXCEPTION_TAGS.get(failure.getClass());
  }

  /** Each exception class's tag, computed once: {@code getSimpleName()} is slow on hot paths. */
  private static final ClassValue<String> EXCEPTION_TAGS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          String simple = type.getSimpleName();
          return simple.isEmpty() ? type.getName() : simple;
        }
      };
}
