package io.backon.breaker;

import io.backon.time.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One change of a breaker's state, as passed to {@link CircuitBreaker#onStateChange} listeners.
 * Immutable.
 *
 * @param breakerName the breaker's name
 * @param from the state left
 * @param to the state entered
 * @param at when the change happened, on the wall clock of the breaker's {@link
 *     io.backon.time.Clock}
 * @param timeInPreviousState how long the breaker was in {@code from}, on its monotonic clock
 */
public record CircuitStateTransition(
    String breakerName,
    CircuitState from,
    CircuitState to,
    Instant at,
    Duration timeInPreviousState) {

  /** Checks that no component is {@code null}. */
  public CircuitStateTransition {
    Objects.requireNonNull(breakerName, "breakerName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(timeInPreviousState, "timeInPreviousState");
  }

  @Override
  public String toString() {
    return "Circuit breaker '"
        + breakerName
        + "' "
        + from
        + " -> "
        + to
        + " at "
        + at
        + " after "
        + DurationText.of(timeInPreviousState);
  }
}
