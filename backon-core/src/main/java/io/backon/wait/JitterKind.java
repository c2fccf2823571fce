package io.backon.wait;

/**
 * The jitters by name, for configuration (the {@code @Backon} annotation, Spring properties). Each
 * kind maps to a {@link Jitter} factory.
 */
public enum JitterKind {

  /** Keep the jitter of the named policy (annotations) or of the defaults (properties). */
  POLICY,

  /** {@link Jitter#none()}. */
  NONE,

  /** {@link Jitter#full()}: uniform in {@code [0, w]}; the library default. */
  FULL,

  /** {@link Jitter#equal()}: uniform in {@code [w/2, w]}. */
  EQUAL,

  /**
   * {@link Jitter#random(java.time.Duration)}: {@code w} plus up to {@code jitter-max} (1 s by
   * default).
   */
  RANDOM,

  /**
   * {@link Jitter#decorrelated(java.time.Duration)}: decorrelated jitter capped at {@code
   * max-delay}.
   */
  DECORRELATED
}
