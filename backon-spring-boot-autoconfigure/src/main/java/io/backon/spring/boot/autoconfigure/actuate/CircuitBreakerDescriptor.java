package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * One circuit breaker as {@code /actuator/backon} shows it.
 *
 * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN or DISABLED
 * @param failureRate percent of failed calls in the window, or {@code null} while not measured
 *     (fewer calls than {@code minimum-calls}, or no window)
 * @param slowCallRate percent of slow calls in the window, or {@code null} while not measured (also
 *     when slow-call detection is off)
 * @param bufferedCalls calls in the window
 * @param failedCalls failed calls in the window
 * @param slowCalls slow calls in the window
 * @param consecutiveFailures the current run of failures
 * @param rejectedCalls calls rejected since the breaker was created or last reset
 * @param timeInState how long it has been in this state (ISO-8601)
 */
public record CircuitBreakerDescriptor(
    String state,
    @Nullable Double failureRate,
    @Nullable Double slowCallRate,
    int bufferedCalls,
    int failedCalls,
    int slowCalls,
    int consecutiveFailures,
    long rejectedCalls,
    String timeInState) {

  /** Describes {@code breaker} now. */
  public static CircuitBreakerDescriptor of(CircuitBreaker breaker) {
    CircuitBreakerSnapshot s = breaker.snapshot();
    return new CircuitBreakerDescriptor(
        s.state().name(),
        JsonValues.rate(s.failureRate()),
        JsonValues.rate(s.slowCallRate()),
        s.bufferedCalls(),
        s.failedCalls(),
        s.slowCalls(),
        s.consecutiveFailures(),
        s.rejectedCalls(),
        s.timeInState().toString());
  }
}
