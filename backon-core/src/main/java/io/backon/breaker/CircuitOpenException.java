package io.backon.breaker;

import io.backon.BackonException;
import io.backon.time.DurationText;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown instead of running a call that a {@link CircuitBreaker} rejected. The call never reached
 * the downstream; retry policies do not retry it by default.
 *
 * <p>Messages: {@code "Circuit breaker 'payments' is OPEN; retry in 41s"}, {@code "Circuit breaker
 * 'payments' is HALF_OPEN; its trial calls are in flight"}, {@code "Circuit breaker 'payments' is
 * FORCED_OPEN until closed by hand"}.
 */
public class CircuitOpenException extends BackonException {

  private static final long serialVersionUID = 1L;

  private final String breakerName;
  private final CircuitState state;
  private final Duration remainingOpenTime;

  /**
   * Creates the exception for a rejection.
   *
   * @param breakerName the rejecting breaker's name
   * @param state its state when it rejected the call
   * @param remainingOpenTime how long it stays OPEN; {@link Duration#ZERO} in other states
   */
  public CircuitOpenException(String breakerName, CircuitState state, Duration remainingOpenTime) {
    super(message(breakerName, state, remainingOpenTime), null);
    this.breakerName = breakerName;
    this.state = state;
    this.remainingOpenTime = remainingOpenTime;
  }

  private static String message(String name, CircuitState state, Duration remaining) {
    Objects.requireNonNull(name, "breakerName");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(remaining, "remainingOpenTime");
    String prefix = "Circuit breaker '" + name + "' is " + state;
    return switch (state) {
      case OPEN -> prefix + "; retry in " + DurationText.of(remaining);
      case HALF_OPEN -> prefix + "; its trial calls are in flight";
      case FORCED_OPEN -> prefix + " until closed by hand";
      default -> prefix;
    };
  }

  /** The name of the breaker that rejected the call. */
  public String breakerName() {
    return breakerName;
  }

  /** The breaker's state when it rejected the call. */
  public CircuitState state() {
    return state;
  }

  /**
   * How long the breaker stays OPEN before it admits a trial call, measured when the call was
   * rejected; {@link Duration#ZERO} in HALF_OPEN and FORCED_OPEN (which has no end of its own).
   */
  public Duration remainingOpenTime() {
    return remainingOpenTime;
  }
}
