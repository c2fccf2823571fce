package io.backon.spring.boot.autoconfigure;

/**
 * The stable codes of Backon's startup errors ({@code BACKON-CFG-001} ...). Codes never change
 * meaning; the README lists them with the fix for each.
 */
public enum ConfigErrorCode {

  /**
   * A {@code backon.*} value could not be converted (not a number, not a duration, no such enum
   * value).
   */
  INVALID_VALUE(1),
  /** A {@code backon.*} key that Backon does not know (usually a typo). */
  UNKNOWN_PROPERTY(2),
  /**
   * A policy name (in {@code @Backon} or {@code extends}) that is neither configured nor a bean.
   */
  UNKNOWN_POLICY(3),
  /**
   * An exception class name that cannot be loaded (not on the class path; in a native image, not
   * registered), or an empty entry in an exception list.
   */
  UNKNOWN_EXCEPTION_CLASS(4),
  /** A class name that is not a {@link Throwable}. */
  NOT_A_THROWABLE(5),
  /**
   * A duration out of its range (negative, zero where it must be positive, longer than about 292
   * years, below another bound), or text that is not a duration.
   */
  INVALID_DURATION(6),
  /** A number out of its range (for example {@code max-tries: 0}). */
  OUT_OF_RANGE(7),
  /** Settings that contradict each other. */
  CONTRADICTORY_SETTINGS(8),
  /** Policies whose {@code extends} chain loops. */
  EXTENDS_CYCLE(9),
  /** A circuit breaker name that is neither configured nor a bean. */
  UNKNOWN_CIRCUIT_BREAKER(10),
  /** A retry budget name that is neither configured nor a bean. */
  UNKNOWN_BUDGET(11),
  /** A fallback method name with no method of that name on the bean. */
  FALLBACK_NOT_FOUND(12),
  /** A fallback method whose parameters or return type do not fit the annotated method. */
  FALLBACK_SIGNATURE(13),
  /** A SpEL expression that does not parse. */
  INVALID_EXPRESSION(14),
  /** A {@code ${...}} placeholder in an annotation that cannot be resolved. */
  UNRESOLVABLE_PLACEHOLDER(15),
  /** The same policy, breaker or budget name defined both in properties and as a bean. */
  DUPLICATE_DEFINITION(16),
  /** {@code @Backon} on a method a Spring proxy cannot intercept (final, static or private). */
  UNPROXYABLE_METHOD(17),
  /** A setting the annotated method's return type cannot honour (for example hedging a Flux). */
  UNSUPPORTED_RETURN_TYPE(18),
  /**
   * A hedge count ({@code max-hedges}, {@code @Backon(hedges)}) while {@code
   * backon.max-hedges-includes-first} is not true: the count now includes the first copy, so the
   * same number runs one copy fewer than it used to.
   */
  HEDGE_COUNT_CHANGED(19),
  /**
   * {@code @Backon} on a method that another library's retry annotation also covers (Spring's or
   * Spring Retry's {@code @Retryable}, Resilience4j's {@code @Retry}): the call would be retried
   * twice over.
   */
  DOUBLE_RETRY(20);

  private final String code;

  ConfigErrorCode(int number) {
    this.code = String.format("BACKON-CFG-%03d", number);
  }

  /** The stable code, e.g. {@code BACKON-CFG-007}. */
  public String code() {
    return code;
  }
}
