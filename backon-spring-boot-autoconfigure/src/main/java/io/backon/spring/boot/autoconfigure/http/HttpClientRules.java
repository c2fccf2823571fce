package io.backon.spring.boot.autoconfigure.http;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The resolved HTTP rules of one client ({@code backon.http.clients.<name>} over {@code
 * backon.http.defaults}): which requests may be repeated, which statuses are retried, how long a
 * {@code Retry-After} may be, and whose policy and breaker apply. Immutable and thread-safe.
 */
final class HttpClientRules {

  /** RFC 9110, section 9.2.2: the methods whose repetition has the effect of one request. */
  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

  static final List<Integer> DEFAULT_RETRY_STATUSES = List.of(429, 502, 503, 504);
  static final NonIdempotentRetry DEFAULT_NON_IDEMPOTENT = NonIdempotentRetry.WITH_KEY;
  static final String DEFAULT_IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  static final Duration DEFAULT_RETRY_AFTER_CAP = Duration.ofSeconds(30);

  private final String name;
  private final List<HostPattern> hosts;
  private final String policy;
  private final BitSet retryStatuses;
  private final NonIdempotentRetry nonIdempotent;
  private final String idempotencyKeyHeader;
  private final Duration retryAfterCap;
  private final boolean hostCircuitBreaker;

  HttpClientRules(
      String name,
      List<HostPattern> hosts,
      String policy,
      List<Integer> retryStatuses,
      NonIdempotentRetry nonIdempotent,
      String idempotencyKeyHeader,
      Duration retryAfterCap,
      boolean hostCircuitBreaker) {
    this.name = name;
    this.hosts = List.copyOf(hosts);
    this.policy = policy;
    this.retryStatuses = new BitSet(600);
    retryStatuses.forEach(this.retryStatuses::set);
    this.nonIdempotent = nonIdempotent;
    this.idempotencyKeyHeader = idempotencyKeyHeader;
    this.retryAfterCap = retryAfterCap;
    this.hostCircuitBreaker = hostCircuitBreaker;
  }

  /** The client's name ({@code defaults} for {@code backon.http.defaults}). */
  String name() {
    return name;
  }

  /** Whether one of this client's host patterns names {@code address}. */
  boolean covers(HostAddress address) {
    for (HostPattern pattern : hosts) {
      if (pattern.matches(address)) {
        return true;
      }
    }
    return false;
  }

  /** The name of the Backon policy whose limits, waits and hedging apply. */
  String policy() {
    return policy;
  }

  /** Whether each host gets its own circuit breaker. */
  boolean hostCircuitBreaker() {
    return hostCircuitBreaker;
  }

  /** The longest {@code Retry-After} a retry waits. */
  Duration retryAfterCap() {
    return retryAfterCap;
  }

  /** The header whose presence makes a non-idempotent request repeatable. */
  String idempotencyKeyHeader() {
    return idempotencyKeyHeader;
  }

  /** Whether {@code method} is idempotent (RFC 9110): only those requests are ever hedged. */
  static boolean idempotent(String method) {
    return IDEMPOTENT_METHODS.contains(method);
  }

  /**
   * Whether a request may be sent more than once: an idempotent method, or a non-idempotent one
   * that {@link NonIdempotentRetry} allows.
   *
   * @param hasIdempotencyKey whether the request carries the idempotency key header
   */
  boolean mayRepeat(String method, boolean hasIdempotencyKey) {
    return idempotent(method)
        || nonIdempotent == NonIdempotentRetry.ALWAYS
        || (nonIdempotent == NonIdempotentRetry.WITH_KEY && hasIdempotencyKey);
  }

  /** Whether a response with {@code status} is retried (when the request may be repeated). */
  boolean retries(int status) {
    return status >= 0 && status < 600 && retryStatuses.get(status);
  }

  /**
   * Whether a response with {@code status} is a failed attempt: a retried status or any 5xx. A
   * failed attempt counts against the host's circuit breaker; other answers are successes.
   */
  boolean failed(int status) {
    return status >= 500 || retries(status);
  }

  @Override
  public String toString() {
    return "HttpClientRules{" + name + ", policy=" + policy + ", hosts=" + hosts + '}';
  }
}
