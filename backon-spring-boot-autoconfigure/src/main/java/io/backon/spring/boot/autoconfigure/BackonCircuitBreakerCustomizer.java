package io.backon.spring.boot.autoconfigure;

import io.backon.breaker.CircuitBreakerBuilder;

/**
 * Adjusts a circuit breaker defined in properties after its {@code backon.circuit-breakers.*}
 * settings are applied (state listeners, a clock, a result predicate). Declare as beans; they run
 * in {@link org.springframework.core.annotation.Order} order. Must be stateless or thread-safe.
 */
@FunctionalInterface
public interface BackonCircuitBreakerCustomizer {

  /**
   * @param breakerName the breaker's name
   * @param builder the builder holding the configured settings
   */
  void customize(String breakerName, CircuitBreakerBuilder builder);
}
