package io.backon.spring.boot.autoconfigure.http;

/**
 * When a request whose method is not idempotent ({@code POST}, {@code PATCH}, ...) may be sent
 * again: {@code backon.http.defaults.non-idempotent}.
 */
public enum NonIdempotentRetry {
  /** Never: the request is sent once (its host's circuit breaker still applies). */
  NEVER,
  /** Only when it carries the idempotency key header (default {@code Idempotency-Key}). */
  WITH_KEY,
  /** Always, like an idempotent request (the server must tolerate duplicates). */
  ALWAYS
}
