package io.backon.spring.boot.autoconfigure.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP rules of one client ({@code backon.http.clients.<name>.*}) or of every client ({@code
 * backon.http.defaults.*}). A setting left unset comes from {@code backon.http.defaults}, then from
 * the documented default. Mutable JavaBean for binding only.
 */
public class HttpClientProperties {

  /**
   * Hosts this client's rules apply to: host, host:port, *.domain (any subdomain), an IP address
   * (10.0.0.7, [::1]) or *; no scheme or path. Only under backon.http.clients.<name>; an HTTP
   * service group of that name, or a request with the attribute io.backon.http.client set to it,
   * also selects the client.
   */
  private List<String> hosts = new ArrayList<>();

  /**
   * The Backon policy (backon.policies.<name>, a RetryPolicy bean, or default) whose attempts,
   * waits, timeouts, deadline, budget, hedging, listeners and log levels HTTP calls use; the HTTP
   * rules replace its retry conditions and its circuit breaker. Default: default.
   */
  private @Nullable String policy;

  /**
   * Response statuses (400-599) that are retried when the request may be repeated; any 5xx also
   * counts against the host's circuit breaker. Default 429, 502, 503, 504.
   */
  private @Nullable List<Integer> retryStatuses;

  /**
   * When a request with a non-idempotent method (POST, PATCH, ...) may be sent again: never,
   * with-key (only with the idempotency key header) or always. Default with-key.
   */
  private @Nullable NonIdempotentRetry nonIdempotent;

  /**
   * The request header whose presence makes a non-idempotent request safe to retry. Default
   * Idempotency-Key.
   */
  private @Nullable String idempotencyKeyHeader;

  /**
   * The longest Retry-After a retry waits; an answer asking for longer ends the call with that
   * answer. Default 30s.
   */
  private @Nullable Duration retryAfterCap;

  /**
   * Whether each downstream host:port gets its own circuit breaker (false: the policy's circuit
   * breaker, if any, applies). Default true.
   */
  private @Nullable Boolean hostCircuitBreaker;

  /** The host patterns. */
  public List<String> getHosts() {
    return hosts;
  }

  /** Sets the host patterns. */
  public void setHosts(List<String> hosts) {
    this.hosts = hosts;
  }

  /** The Backon policy's name. */
  public @Nullable String getPolicy() {
    return policy;
  }

  /** Sets the Backon policy's name. */
  public void setPolicy(@Nullable String policy) {
    this.policy = policy;
  }

  /** The retried statuses. */
  public @Nullable List<Integer> getRetryStatuses() {
    return retryStatuses;
  }

  /** Sets the retried statuses. */
  public void setRetryStatuses(@Nullable List<Integer> retryStatuses) {
    this.retryStatuses = retryStatuses;
  }

  /** When non-idempotent requests are retried. */
  public @Nullable NonIdempotentRetry getNonIdempotent() {
    return nonIdempotent;
  }

  /** Sets when non-idempotent requests are retried. */
  public void setNonIdempotent(@Nullable NonIdempotentRetry nonIdempotent) {
    this.nonIdempotent = nonIdempotent;
  }

  /** The idempotency key header's name. */
  public @Nullable String getIdempotencyKeyHeader() {
    return idempotencyKeyHeader;
  }

  /** Sets the idempotency key header's name. */
  public void setIdempotencyKeyHeader(@Nullable String idempotencyKeyHeader) {
    this.idempotencyKeyHeader = idempotencyKeyHeader;
  }

  /** The longest Retry-After honoured. */
  public @Nullable Duration getRetryAfterCap() {
    return retryAfterCap;
  }

  /** Sets the longest Retry-After honoured. */
  public void setRetryAfterCap(@Nullable Duration retryAfterCap) {
    this.retryAfterCap = retryAfterCap;
  }

  /** Whether each host gets its own circuit breaker. */
  public @Nullable Boolean getHostCircuitBreaker() {
    return hostCircuitBreaker;
  }

  /** Sets whether each host gets its own circuit breaker. */
  public void setHostCircuitBreaker(@Nullable Boolean hostCircuitBreaker) {
    this.hostCircuitBreaker = hostCircuitBreaker;
  }
}
