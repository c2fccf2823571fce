package io.backon.breaker;

/** Which calls a breaker's failure-rate and slow-call-rate rules look at. */
public enum SlidingWindowType {

  /** No window: only the consecutive-failure rule can open the breaker. The default. */
  NONE,

  /** The last {@code n} recorded calls. */
  COUNT_BASED,

  /** The calls recorded in the last {@code n} seconds, kept in one bucket per second. */
  TIME_BASED
}
