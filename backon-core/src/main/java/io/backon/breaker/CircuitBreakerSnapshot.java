package io.backon.breaker;

import java.time.Duration;
import java.util.Objects;

/**
 * A read-only view of a breaker's state and metrics at one moment, from {@link
 * CircuitBreaker#snapshot()}. Immutable.
 *
 * <p>The window figures describe the current CLOSED period, or, in any other state, the CLOSED
 * period that preceded it (frozen when the breaker left CLOSED). Closing a breaker (automatically
 * or with {@link CircuitBreaker#close()} / {@link CircuitBreaker#reset()}) starts an empty window.
 * Figures read while calls are being recorded may be a few calls apart from each other.
 *
 * @param state the current state (an expired OPEN stays OPEN until the next permission request)
 *     <p>A rate that is not measured is {@link Double#NaN} (Micrometer's convention for "no value",
 *     which the rate gauges report as they are; the Actuator endpoint shows {@code null}): test it
 *     with {@link Double#isNaN(double)}. Every comparison with {@code NaN} is false, so a threshold
 *     check never fires on an unmeasured rate.
 * @param failureRate failed calls in the window, in percent (0–100); {@code NaN} when the window
 *     holds fewer than {@code minimumCalls} calls or there is no window
 * @param slowCallRate slow calls in the window, in percent (0–100); {@code NaN} like {@code
 *     failureRate}, and also when slow-call detection is off
 * @param bufferedCalls calls in the window ({@code 0} without a window)
 * @param failedCalls failed calls in the window
 * @param slowCalls slow calls (failed or not) in the window
 * @param consecutiveFailures failures since the last success in the CLOSED period
 * @param rejectedCalls calls rejected since the breaker was created or last {@link
 *     CircuitBreaker#reset() reset}
 * @param timeInState how long the breaker has been in {@code state}
 */
public record CircuitBreakerSnapshot(
    CircuitState state,
    double failureRate,
    double slowCallRate,
    int bufferedCalls,
    int failedCalls,
    int slowCalls,
    int consecutiveFailures,
    long rejectedCalls,
    Duration timeInState) {

  /** Checks that no component is {@code null}. */
  public CircuitBreakerSnapshot {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(timeInState, "timeInState");
  }
}
