package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;

/**
 * Everything {@code GET /actuator/backon} returns, each map sorted by name.
 *
 * @param enabled whether {@code backon.enabled} is true
 * @param policies the named retry policies with their resolved settings and where each came from
 * @param methods the {@code @Backon} methods whose annotation changes their policy (inline
 *     overrides or a fallback), keyed by method ({@code PaymentClient.charge(Order)}), each with
 *     the settings it runs
 * @param circuitBreakers the circuit breakers with their state
 * @param hostCircuitBreakers the HTTP client integration's per-host breakers ({@code host:port})
 *     with their state: only the hosts kept now (at most {@code backon.http.max-hosts})
 * @param budgets the retry budgets with their tokens
 * @param hedges per hedging policy (also one that hedges only through a method's
 *     {@code @Backon(hedges)}), how its hedged attempts ended (needs Micrometer; zeros until the
 *     policy hedged)
 */
public record BackonReport(
    boolean enabled,
    Map<String, PolicyDescriptor> policies,
    Map<String, PolicyDescriptor> methods,
    Map<String, CircuitBreakerDescriptor> circuitBreakers,
    Map<String, CircuitBreakerDescriptor> hostCircuitBreakers,
    Map<String, BudgetDescriptor> budgets,
    Map<String, HedgeOutcomesDescriptor> hedges) {}
