/**
 * Circuit breaking: {@link io.backon.breaker.CircuitBreaker} stops calling a failing downstream for
 * a while, {@link io.backon.breaker.CircuitBreakerRegistry} shares named breakers, and {@link
 * io.backon.breaker.CircuitOpenException} is what a rejected call sees.
 *
 * <p>The engine asks a breaker once per attempt (not once per retried call). Breakers measure time
 * with an injectable {@link io.backon.time.Clock}; no timer thread is involved.
 */
@NullMarked
package io.backon.breaker;

import org.jspecify.annotations.NullMarked;
