package io.backon.spring.boot.autoconfigure.http;

import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.http.RetryAfter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call as the HTTP layer plans it: its downstream, the client rules that apply, the
 * breaker its attempts go through and, when this layer owns the retrying, the policy it runs under.
 * Made per call by {@link HttpResilience}; confined to that call (and its hedged copies).
 */
final class HttpCall {

  private final String method;
  private final HostAddress host;
  private final HttpClientRules rules;
  private final RetryPolicy base;
  private final @Nullable CircuitBreaker breaker;
  private final @Nullable Retrying retrying;
  private final HttpCallMeters meters;
  private final long startNanos;

  /** The failed answer of the attempt that started last, until another starts; else null. */
  private volatile @Nullable HttpStatusException latestAnswer;

  HttpCall(
      String method,
      HostAddress host,
      HttpClientRules rules,
      RetryPolicy base,
      @Nullable CircuitBreaker breaker,
      @Nullable Retrying retrying,
      HttpCallMeters meters) {
    this.method = method;
    this.host = host;
    this.rules = rules;
    this.base = base;
    this.breaker = breaker;
    this.retrying = retrying;
    this.meters = meters;
    this.startNanos = System.nanoTime();
  }

  /** The policy this call runs under, or null: one attempt (an enclosing attempt owns retrying). */
  @Nullable Retrying retrying() {
    return retrying;
  }

  /** The breaker a single attempt goes through, or null. */
  @Nullable CircuitBreaker breaker() {
    return breaker;
  }

  /** Names the call in events and log lines: method and host, never the path or query. */
  Invocation invocation() {
    return Invocation.of(method + " " + host);
  }

  /** Whether an answer with {@code status} is a failed attempt (a retried status or any 5xx). */
  boolean failed(int status) {
    return rules.failed(status);
  }

  /**
   * The failure an answer with a failed status makes.
   *
   * @param retryAfter the answer's {@code Retry-After} header, if any
   * @param response the buffered answer to hand back if the call gives up with it, or null
   */
  HttpStatusException statusFailure(
      int status, String reason, @Nullable String retryAfter, @Nullable Object response) {
    boolean retried = rules.retries(status);
    Duration wait =
        retried && retryAfter != null
            ? RetryAfter.parse(retryAfter, base.clock().wallTime()).orElse(null)
            : null;
    boolean retryable = retried && (wait == null || wait.compareTo(rules.retryAfterCap()) <= 0);
    return new HttpStatusException(status, reason, host, method, wait, retryable, response);
  }

  /** An attempt under {@link #retrying()} starts: no earlier attempt's answer is the latest now. */
  void attemptStarted() {
    latestAnswer = null;
  }

  /** The attempt that started last ended with {@code answer}; returns it. */
  HttpStatusException answered(HttpStatusException answer) {
    latestAnswer = answer;
    return answer;
  }

  /**
   * The failed answer the attempt that started last ended with, or null (none, or still waiting).
   */
  @Nullable HttpStatusException latestAnswer() {
    return latestAnswer;
  }

  /** Records how the call ended for its caller. */
  void finished(HttpCallOutcome outcome) {
    meters.record(base.name(), host, outcome, System.nanoTime() - startNanos);
  }

  /** Nanoseconds on the breaker's clock, read only when the breaker measures durations. */
  static long breakerNow(CircuitBreaker breaker) {
    return breaker.measuresDurations() ? breaker.config().clock().nanoTime() : 0L;
  }

  /** The duration since {@code start} for the breaker, or 0 when it does not measure them. */
  static long breakerSince(CircuitBreaker breaker, long start) {
    return breaker.measuresDurations() ? breaker.config().clock().nanoTime() - start : 0L;
  }
}
