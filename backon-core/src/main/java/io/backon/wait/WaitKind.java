package io.backon.wait;

/**
 * The wait strategies by name, for configuration (the {@code @Backon} annotation, Spring
 * properties). Each kind maps to a {@link Wait} factory; the settings {@code delay}, {@code
 * max-delay}, {@code multiplier}, {@code increment} and {@code min-delay} feed its parameters (see
 * each constant).
 */
public enum WaitKind {

  /** Keep the wait of the named policy (annotations) or of the defaults (properties). */
  POLICY,

  /** {@link Wait#none()}: retry at once. */
  NONE,

  /** {@link Wait#constant(java.time.Duration)}: {@code delay} every time. */
  CONSTANT,

  /**
   * {@link Wait#expo(double, java.time.Duration, java.time.Duration)}: {@code delay *
   * multiplier^n}, capped at {@code max-delay}.
   */
  EXPO,

  /**
   * {@link Wait#fibo(java.time.Duration, java.time.Duration)}: Fibonacci multiples of {@code
   * delay}, capped at {@code max-delay}.
   */
  FIBO,

  /**
   * {@link Wait#incrementing(java.time.Duration, java.time.Duration, java.time.Duration)}: {@code
   * delay + n * increment}, capped at {@code max-delay}.
   */
  INCREMENTING,

  /**
   * {@link Wait#random(java.time.Duration, java.time.Duration)}: uniform between {@code min-delay}
   * and {@code max-delay}.
   */
  RANDOM,

  /**
   * {@link Wait#randomExponential(java.time.Duration, java.time.Duration, double,
   * java.time.Duration)}: uniform up to {@code delay * multiplier^n}, at least {@code min-delay}.
   */
  RANDOM_EXPONENTIAL,

  /**
   * {@link Wait#exponentialJitter(java.time.Duration, java.time.Duration, double,
   * java.time.Duration)}: {@code delay * multiplier^n} plus up to {@code increment} of jitter.
   */
  EXPONENTIAL_JITTER,

  /**
   * {@link Wait#decay(java.time.Duration, double, java.time.Duration)}: {@code delay} shrinking by
   * {@code multiplier} towards {@code min-delay}.
   */
  DECAY
}
