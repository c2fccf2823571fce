package io.backon.breaker;

/**
 * The state of a {@link CircuitBreaker}.
 *
 * <p>Automatic cycle: {@link #CLOSED} → {@link #OPEN} (too many failures) → {@link #HALF_OPEN}
 * (after the recovery timeout, on the next permission request) → {@link #CLOSED} (enough trial
 * successes) or back to {@link #OPEN} (a trial failed). {@link #FORCED_OPEN} and {@link #DISABLED}
 * are entered and left only by hand.
 */
public enum CircuitState {

  /** Calls flow; outcomes are recorded and may open the breaker. */
  CLOSED,

  /** Calls are rejected until the recovery timeout has passed. */
  OPEN,

  /** A limited number of trial calls is admitted to probe the downstream; others are rejected. */
  HALF_OPEN,

  /**
   * Opened by hand with {@link CircuitBreaker#forceOpen()}: every call is rejected until changed.
   */
  FORCED_OPEN,

  /**
   * Switched off by hand with {@link CircuitBreaker#disable()}: every call passes, none is
   * recorded.
   */
  DISABLED;

  /** Whether a breaker in this state rejects every call ({@link #OPEN}, {@link #FORCED_OPEN}). */
  public boolean rejectsAll() {
    return this == OPEN || this == FORCED_OPEN;
  }
}
