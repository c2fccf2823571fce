package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;

/**
 * Everything {@code GET /actuator/backon} returns, each map sorted by name.
 *
 * @param enabled whether {@code backon.enabled} is true
 * @param policies the retry policies with their resolved settings
 * @param circuitBreakers the circuit breakers with their state
 * @param budgets the retry budgets with their tokens
 * @param hedges per hedging policy, how its hedged attempts ended (needs Micrometer)
 */
public record BackonReport(boolean enabled, Map<String, PolicyDescriptor> policies,
    Map<String, CircuitBreakerDescriptor> circuitBreakers, Map<String, BudgetDescriptor> budgets,
    Map<String, Map<String, Long>> hedges) {}
