package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code backon} Actuator endpoint.
 *
 * <ul>
 *   <li>{@code GET /actuator/backon}: policies (resolved settings), circuit breakers (state and
 *       window), retry budgets (tokens), and how the hedged attempts of each hedging policy ended.
 *   <li>{@code GET /actuator/backon/circuit-breakers/{name}}: one breaker; 404 when unknown.
 *   <li>{@code POST /actuator/backon/circuit-breakers/{name}} with {@code {"state": "open"}}:
 *       moves the breaker to {@code open}, {@code closed}, {@code half-open}, {@code disabled}, or
 *       {@code reset}s it; an unknown state answers 400 with a message, an unknown breaker 404.
 * </ul>
 *
 * Thread-safe: reads snapshots, and transitions go through the breaker's own API.
 */
@Endpoint(id = "backon")
public class BackonEndpoint {

  static final String BREAKERS = "circuit-breakers";

  private final RetryPolicyRegistry policies;
  private final CircuitBreakerRegistry breakers;
  private final RetryBudgetRegistry budgets;
  private final HedgeOutcomeCounts hedgeCounts;

  /** An endpoint over these registries, without hedging counts. */
  public BackonEndpoint(RetryPolicyRegistry policies, CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets) {
    this(policies, breakers, budgets, name -> Map.of());
  }

  /** An endpoint over these registries, with hedging counts from {@code hedgeCounts}. */
  public BackonEndpoint(RetryPolicyRegistry policies, CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets, HedgeOutcomeCounts hedgeCounts) {
    this.policies = policies;
    this.breakers = breakers;
    this.budgets = budgets;
    this.hedgeCounts = hedgeCounts;
  }

  /** Policies, breakers and budgets. */
  @ReadOperation
  public BackonReport report() {
    Map<String, PolicyDescriptor> policyMap = new TreeMap<>();
    Map<String, Map<String, Long>> hedgeMap = new TreeMap<>();
    for (String name : policies.names()) {
      PolicyDescriptor policy = PolicyDescriptor.of(policies.policy(name));
      policyMap.put(name, policy);
      if (policy.hedging() != null) {
        hedgeMap.put(name, new TreeMap<>(hedgeCounts.of(name)));
      }
    }
    Map<String, CircuitBreakerDescriptor> breakerMap = new TreeMap<>();
    for (CircuitBreaker breaker : breakers.all()) {
      breakerMap.put(breaker.name(), CircuitBreakerDescriptor.of(breaker));
    }
    Map<String, BudgetDescriptor> budgetMap = new TreeMap<>();
    for (RetryBudget budget : budgets.all()) {
      budgetMap.put(budget.name(), BudgetDescriptor.of(budget));
    }
    return new BackonReport(policies.isEnabled(), policyMap, breakerMap, budgetMap, hedgeMap);
  }

  /** One breaker ({@code kind} must be {@code circuit-breakers}); 404 when unknown. */
  @ReadOperation
  public WebEndpointResponse<CircuitBreakerDescriptor> circuitBreaker(@Selector String kind,
      @Selector String name) {
    return find(kind, name).map(b -> new WebEndpointResponse<>(CircuitBreakerDescriptor.of(b)))
        .orElseGet(() -> new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND));
  }

  /**
   * Moves a breaker to {@code state}: {@code open} (forced open until closed), {@code closed},
   * {@code half-open}, {@code disabled} (always permits, records nothing) or {@code reset}
   * (closed, window cleared).
   */
  @WriteOperation
  public WebEndpointResponse<Object> transition(@Selector String kind, @Selector String name,
      String state) {
    Optional<CircuitBreaker> breaker = find(kind, name);
    if (breaker.isEmpty()) {
      return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }
    CircuitBreaker b = breaker.get();
    String wanted = state.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    switch (wanted) {
      case "open", "forced-open" -> b.forceOpen();
      case "closed", "close" -> b.close();
      case "half-open" -> b.halfOpen();
      case "disabled", "disable" -> b.disable();
      case "reset" -> b.reset();
      default -> {
        return new WebEndpointResponse<>(Map.of("error", "state must be one of open, closed, "
            + "half-open, disabled, reset but was '" + state + "'"),
            WebEndpointResponse.STATUS_BAD_REQUEST);
      }
    }
    return new WebEndpointResponse<>(CircuitBreakerDescriptor.of(b));
  }

  private Optional<CircuitBreaker> find(String kind, String name) {
    return BREAKERS.equals(kind) ? breakers.find(name) : Optional.empty();
  }
}
