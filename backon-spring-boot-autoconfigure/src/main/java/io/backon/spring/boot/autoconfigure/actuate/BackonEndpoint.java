package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.MethodPolicies;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code backon} Actuator endpoint, over HTTP and JMX (HTTP statuses come from {@link
 * BackonWebEndpointExtension}).
 *
 * <ul>
 *   <li>{@code report}: policies, annotated methods with their own settings, circuit breakers,
 *       retry budgets, and how the hedged attempts of each hedging policy ended.
 *   <li>{@code entry}: one {@code policies}, {@code circuit-breakers} or {@code budgets} entry by
 *       name; {@code {"message": ...}} (HTTP 404) for an unknown kind or name.
 *   <li>{@code transition} (a write, so refused unless {@code
 *       management.endpoint.backon.access=unrestricted}): moves a breaker to {@code open}, {@code
 *       closed}, {@code half-open}, {@code disabled}, or {@code reset}s it.
 * </ul>
 *
 * Read-only by default ({@link Access#READ_ONLY}): forcing a breaker open or disabled can take a
 * dependency down or switch its protection off. Thread-safe: reads snapshots, and transitions go
 * through the breaker's own API.
 */
@Endpoint(id = "backon", defaultAccess = Access.READ_ONLY)
public class BackonEndpoint {

  static final String POLICIES = "policies";
  static final String BREAKERS = "circuit-breakers";
  static final String BUDGETS = "budgets";

  private final RetryPolicyRegistry policies;
  private final CircuitBreakerRegistry breakers;
  private final RetryBudgetRegistry budgets;
  private final HedgeOutcomeCounts hedgeCounts;
  private final MethodPolicies methods;

  /** An endpoint over these registries, without hedging counts or annotated methods. */
  public BackonEndpoint(RetryPolicyRegistry policies, CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets) {
    this(policies, breakers, budgets, name -> Map.of(), new MethodPolicies());
  }

  /**
   * An endpoint over these registries, with hedging counts from {@code hedgeCounts} and the
   * annotated methods that have their own settings from {@code methods}.
   */
  public BackonEndpoint(RetryPolicyRegistry policies, CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets, HedgeOutcomeCounts hedgeCounts, MethodPolicies methods) {
    this.policies = policies;
    this.breakers = breakers;
    this.budgets = budgets;
    this.hedgeCounts = hedgeCounts;
    this.methods = methods;
  }

  /** Policies, annotated methods, breakers, budgets and hedge outcomes. */
  @ReadOperation
  public BackonReport report() {
    Map<String, PolicyDescriptor> policyMap = new TreeMap<>();
    Map<String, HedgeOutcomesDescriptor> hedgeMap = new TreeMap<>();
    for (String name : policies.names()) {
      PolicyDescriptor policy = describePolicy(name);
      policyMap.put(name, policy);
      if (policy.hedging() != null) {
        hedgeMap.put(name, HedgeOutcomesDescriptor.of(hedgeCounts.of(name)));
      }
    }
    Map<String, PolicyDescriptor> methodMap = new TreeMap<>();
    methods.all().forEach((method, entry) ->
        methodMap.put(method, PolicyDescriptor.of(entry.policy(), entry.origins())));
    Map<String, CircuitBreakerDescriptor> breakerMap = breakers.all().stream().collect(Collectors
        .toMap(CircuitBreaker::name, CircuitBreakerDescriptor::of, (a, b) -> a, TreeMap::new));
    Map<String, BudgetDescriptor> budgetMap = budgets.all().stream().collect(Collectors
        .toMap(RetryBudget::name, BudgetDescriptor::of, (a, b) -> a, TreeMap::new));
    return new BackonReport(policies.isEnabled(), policyMap, methodMap, breakerMap, budgetMap,
        hedgeMap);
  }

  /**
   * One policy, breaker or budget ({@code kind} is {@code policies}, {@code circuit-breakers} or
   * {@code budgets}); {@code {"message": ...}} for an unknown kind or name.
   */
  @ReadOperation
  public Object entry(@Selector String kind, @Selector String name) {
    return find(kind, name).body();
  }

  /**
   * Moves the breaker {@code name} ({@code kind} must be {@code circuit-breakers}) to {@code state}:
   * {@code open} (forced open until closed), {@code closed}, {@code half-open}, {@code disabled}
   * (always permits, records nothing) or {@code reset} (closed, window cleared). Answers the
   * breaker, or {@code {"message": ...}} for an unknown breaker or state.
   */
  @WriteOperation
  public Object transition(@Selector String kind, @Selector String name, String state) {
    return move(kind, name, state).body();
  }

  Answer find(String kind, String name) {
    return switch (kind) {
      case POLICIES -> policies.find(name).isPresent() ? Answer.ok(describePolicy(name))
          : Answer.notFound(unknown("retry policy", name, policies.names()));
      case BREAKERS -> breakers.find(name).<Answer>map(b -> Answer.ok(CircuitBreakerDescriptor.of(b)))
          .orElseGet(() -> Answer.notFound(unknown("circuit breaker", name,
              breakers.all().stream().map(CircuitBreaker::name).toList())));
      case BUDGETS -> budgets.find(name).<Answer>map(b -> Answer.ok(BudgetDescriptor.of(b)))
          .orElseGet(() -> Answer.notFound(unknown("retry budget", name,
              budgets.all().stream().map(RetryBudget::name).toList())));
      default -> Answer.notFound("no kind '" + kind + "' here: use " + POLICIES + ", " + BREAKERS
          + " or " + BUDGETS + ".");
    };
  }

  Answer move(String kind, String name, String state) {
    if (!BREAKERS.equals(kind)) {
      return Answer.notFound("only " + BREAKERS + "/{name} changes state, not '" + kind + "'.");
    }
    Optional<CircuitBreaker> found = breakers.find(name);
    if (found.isEmpty()) {
      return find(kind, name);
    }
    CircuitBreaker breaker = found.get();
    switch (state.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "open", "forced-open" -> breaker.forceOpen();
      case "closed", "close" -> breaker.close();
      case "half-open" -> breaker.halfOpen();
      case "disabled", "disable" -> breaker.disable();
      case "reset" -> breaker.reset();
      default -> {
        return Answer.badRequest("state must be one of open, closed, half-open, disabled, reset"
            + " but was '" + state + "'");
      }
    }
    return Answer.ok(CircuitBreakerDescriptor.of(breaker));
  }

  private PolicyDescriptor describePolicy(String name) {
    return PolicyDescriptor.of(policies.policy(name), policies.originsOf(name));
  }

  private static String unknown(String what, String name, Collection<String> known) {
    return "no " + what + " named '" + name + "' (known: " + new TreeSet<>(known) + ").";
  }
}
