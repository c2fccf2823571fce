package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;

/**
 * One circuit breaker as {@code /actuator/backon} shows it.
 *
 * @param state CLOSED, OPEN, HALF_OPEN, FORCED_OPEN or DISABLED
 * @param failureRate percent of failed calls in the window, or -1 when not judged yet
 * @param slowCallRate percent of slow calls in the window, or -1 when not judged yet
 * @param bufferedCalls calls in the window
 * @param failedCalls failed calls in the window
 * @param slowCalls slow calls in the window
 * @param consecutiveFailures the current run of failures
 * @param rejectedCalls calls rejected since the breaker was created or last reset
 * @param timeInState how long it has been in this state (ISO-8601)
 */
public record CircuitBreakerDescriptor(String state, double failureRate, double slowCallRate,
    int bufferedCalls, int failedCalls, int slowCalls, int consecutiveFailures, long rejectedCalls,
    String timeInState) {

  /** Describes {@code breaker} now. */
  public static CircuitBreakerDescriptor of(CircuitBreaker breaker) {
    CircuitBreakerSnapshot s = breaker.snapshot();
    return new CircuitBreakerDescriptor(s.state().name(), s.failureRate(), s.slowCallRate(),
        s.bufferedCalls(), s.failedCalls(), s.slowCalls(), s.consecutiveFailures(), s.rejectedCalls(),
        s.timeInState().toString());
  }
}
