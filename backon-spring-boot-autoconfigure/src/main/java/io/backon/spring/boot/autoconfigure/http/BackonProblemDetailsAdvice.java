package io.backon.spring.boot.autoconfigure.http;

import io.backon.DeadlineExceededException;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers Backon's exceptions that reach a Spring MVC or WebFlux handler uncaught as RFC 9457
 * problem details instead of 500: a {@link CircuitOpenException} becomes {@code 503 Service
 * Unavailable} with {@code Retry-After} set to the breaker's remaining open time (whole seconds,
 * rounded up; no header when the breaker has no known end, as when forced open), a {@link
 * DeadlineExceededException} becomes {@code 504 Gateway Timeout}. The details never name the
 * breaker or the downstream. Ordered last: an {@code @ExceptionHandler} of the application (in a
 * controller or in its own advice) for these exceptions wins. Stateless.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public final class BackonProblemDetailsAdvice {

  /** 503 with {@code Retry-After}: a downstream's breaker is open. */
  @ExceptionHandler(CircuitOpenException.class)
  public ResponseEntity<ProblemDetail> circuitOpen(CircuitOpenException open) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "A service this request needs is unavailable; try again later.");
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    Duration remaining = open.remainingOpenTime();
    if (open.state() == CircuitState.OPEN) {
      answer.header(HttpHeaders.RETRY_AFTER, Long.toString(wholeSecondsUp(remaining)));
    }
    return answer.body(problem);
  }

  /** 504: the call's deadline passed. */
  @ExceptionHandler(DeadlineExceededException.class)
  public ResponseEntity<ProblemDetail> deadlineExceeded(DeadlineExceededException exceeded) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.GATEWAY_TIMEOUT, "A service this request needs did not answer in time.");
    return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** Whole seconds, rounded up, at least 1: a client never comes back before the breaker admits. */
  static long wholeSecondsUp(Duration remaining) {
    long seconds = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
