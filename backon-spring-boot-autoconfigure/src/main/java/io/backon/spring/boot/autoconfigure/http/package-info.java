/**
 * Resilience for Spring's HTTP clients: {@code RestClient}, {@code RestTemplate}, {@code WebClient}
 * and the HTTP interface clients built on them call through Backon with HTTP rules (transient
 * statuses, idempotency, {@code Retry-After}, one circuit breaker per downstream host), configured
 * under {@code backon.http}; and RFC 9457 problem details for Backon's exceptions on the serving
 * side.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.http;

import org.jspecify.annotations.NullMarked;
