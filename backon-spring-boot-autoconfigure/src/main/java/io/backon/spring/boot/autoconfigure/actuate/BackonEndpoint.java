package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.MethodPolicies;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
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
 *   <li>{@code events} ({@code /actuator/backon/events}): the recent events of the {@link
 *       BackonEventHistory}, filtered by name and kind, newer than a {@code since} cursor.
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
  static final String EVENTS = "events";

  private final RetryPolicyRegistry policies;
  private final CircuitBreakerRegistry breakers;
  private final RetryBudgetRegistry budgets;
  private final HedgeOutcomeCounts hedgeCounts;
  private final MethodPolicies methods;
  private final @Nullable BackonEventHistory history;
  private final Supplier<? extends Collection<CircuitBreaker>> hostBreakers;

  /** An endpoint over these registries, without hedging counts or annotated methods. */
  public BackonEndpoint(
      RetryPolicyRegistry policies, CircuitBreakerRegistry breakers, RetryBudgetRegistry budgets) {
    this(policies, breakers, budgets, name -> Map.of(), new MethodPolicies());
  }

  /**
   * An endpoint over these registries, with hedging counts from {@code hedgeCounts} and the
   * annotated methods that have their own settings from {@code methods}.
   */
  public BackonEndpoint(
      RetryPolicyRegistry policies,
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      HedgeOutcomeCounts hedgeCounts,
      MethodPolicies methods) {
    this(policies, breakers, budgets, hedgeCounts, methods, null);
  }

  /**
   * An endpoint as {@link #BackonEndpoint(RetryPolicyRegistry, CircuitBreakerRegistry,
   * RetryBudgetRegistry, HedgeOutcomeCounts, MethodPolicies)}, whose {@code events} come from
   * {@code history} ({@code null}: no history, {@code events} answers a message).
   */
  public BackonEndpoint(
      RetryPolicyRegistry policies,
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      HedgeOutcomeCounts hedgeCounts,
      MethodPolicies methods,
      @Nullable BackonEventHistory history) {
    this(policies, breakers, budgets, hedgeCounts, methods, history, List::of);
  }

  /**
   * An endpoint as {@link #BackonEndpoint(RetryPolicyRegistry, CircuitBreakerRegistry,
   * RetryBudgetRegistry, HedgeOutcomeCounts, MethodPolicies, BackonEventHistory)} that also shows
   * the HTTP client integration's per-host breakers, read from {@code hostBreakers} on each request
   * (hosts come and go), under {@code hostCircuitBreakers}; {@code circuit-breakers/{host:port}}
   * finds and moves them too.
   */
  public BackonEndpoint(
      RetryPolicyRegistry policies,
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      HedgeOutcomeCounts hedgeCounts,
      MethodPolicies methods,
      @Nullable BackonEventHistory history,
      Supplier<? extends Collection<CircuitBreaker>> hostBreakers) {
    this.history = history;
    this.hostBreakers = hostBreakers;
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
    methods
        .all()
        .forEach(
            (method, entry) -> {
              methodMap.put(method, PolicyDescriptor.of(entry.policy(), entry.origins()));
              // A method that hedges through @Backon(hedges) records its races under its policy's
              // name, also when the named policy itself does not hedge.
              String name = entry.policy().name();
              if (entry.policy().hedging() != null && !hedgeMap.containsKey(name)) {
                hedgeMap.put(name, HedgeOutcomesDescriptor.of(hedgeCounts.of(name)));
              }
            });
    Map<String, CircuitBreakerDescriptor> breakerMap =
        breakers.all().stream()
            .collect(
                Collectors.toMap(
                    CircuitBreaker::name, CircuitBreakerDescriptor::of, (a, b) -> a, TreeMap::new));
    Map<String, CircuitBreakerDescriptor> hostBreakerMap =
        hostBreakers.get().stream()
            .collect(
                Collectors.toMap(
                    CircuitBreaker::name, CircuitBreakerDescriptor::of, (a, b) -> a, TreeMap::new));
    Map<String, BudgetDescriptor> budgetMap =
        budgets.all().stream()
            .collect(
                Collectors.toMap(
                    RetryBudget::name, BudgetDescriptor::of, (a, b) -> a, TreeMap::new));
    return new BackonReport(
        policies.isEnabled(),
        policyMap,
        methodMap,
        breakerMap,
        hostBreakerMap,
        budgetMap,
        hedgeMap);
  }

  /**
   * One policy, breaker or budget ({@code kind} is {@code policies}, {@code circuit-breakers} or
   * {@code budgets}); {@code {"message": ...}} for an unknown kind or name.
   */
  @ReadOperation
  @RegisterReflectionForBinding({
    PolicyDescriptor.class,
    CircuitBreakerDescriptor.class,
    BudgetDescriptor.class
  })
  public Object entry(@Selector String kind, @Selector String name) {
    return find(kind, name).body();
  }

  /**
   * The recent events ({@code section} must be {@code events}): retries, give-ups, hedges, breaker
   * transitions and budget refusals, oldest first.
   *
   * @param name only the events of the policy, breaker or budget of this name; {@code null}: all
   * @param kind only events of this kind ({@code retry}, {@code give-up}, {@code hedge}, {@code
   *     transition}, {@code budget-refusal}); {@code null}: all
   * @param since only events with a greater id (the {@code latest} of an earlier answer); {@code
   *     null}: every retained event
   */
  @ReadOperation
  @RegisterReflectionForBinding(EventsDescriptor.class)
  public Object events(
      @Selector String section,
      @Nullable String name,
      @Nullable String kind,
      @Nullable Long since) {
    return history(section, name, kind, since).body();
  }

  /**
   * Moves the breaker {@code name} ({@code kind} must be {@code circuit-breakers}) to {@code
   * state}: {@code open} (forced open until closed), {@code closed}, {@code half-open}, {@code
   * disabled} (always permits, records nothing) or {@code reset} (closed, window cleared). Answers
   * the breaker, or {@code {"message": ...}} for an unknown breaker or state.
   */
  @WriteOperation
  @RegisterReflectionForBinding(CircuitBreakerDescriptor.class)
  public Object transition(@Selector String kind, @Selector String name, String state) {
    return move(kind, name, state).body();
  }

  Answer find(String kind, String name) {
    return switch (kind) {
      case POLICIES ->
          policies.find(name).isPresent()
              ? Answer.ok(describePolicy(name))
              : Answer.notFound(unknown("retry policy", name, policies.names()));
      case BREAKERS ->
          breaker(name)
              .<Answer>map(b -> Answer.ok(CircuitBreakerDescriptor.of(b)))
              .orElseGet(() -> Answer.notFound(unknown("circuit breaker", name, breakerNames())));
      case BUDGETS ->
          budgets
              .find(name)
              .<Answer>map(b -> Answer.ok(BudgetDescriptor.of(b)))
              .orElseGet(
                  () ->
                      Answer.notFound(
                          unknown(
                              "retry budget",
                              name,
                              budgets.all().stream().map(RetryBudget::name).toList())));
      default ->
          Answer.notFound(
              "no kind '"
                  + kind
                  + "' here: use "
                  + POLICIES
                  + ", "
                  + BREAKERS
                  + " or "
                  + BUDGETS
                  + ".");
    };
  }

  Answer move(String kind, String name, String state) {
    if (!BREAKERS.equals(kind)) {
      return Answer.notFound("only " + BREAKERS + "/{name} changes state, not '" + kind + "'.");
    }
    Optional<CircuitBreaker> found = breaker(name);
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
        return Answer.badRequest(
            "state must be one of open, closed, half-open, disabled, reset"
                + " but was '"
                + state
                + "'");
      }
    }
    return Answer.ok(CircuitBreakerDescriptor.of(breaker));
  }

  Answer history(
      String section, @Nullable String name, @Nullable String kind, @Nullable Long since) {
    if (BackonDashboard.PATH.equals(section)) {
      return Answer.notFound(
          "the dashboard is off: set backon.dashboard.enabled=true (it needs the"
              + " endpoint exposed over HTTP).");
    }
    if (!EVENTS.equals(section)) {
      return Answer.notFound(
          "nothing at '"
              + section
              + "' here: use "
              + EVENTS
              + ", or "
              + POLICIES
              + ", "
              + BREAKERS
              + " or "
              + BUDGETS
              + " followed by a name.");
    }
    BackonEventHistory events = history;
    if (events == null) {
      return Answer.notFound("no event history: this endpoint was created without one.");
    }
    EventKind wanted = null;
    if (kind != null) {
      wanted = EventKind.of(kind);
      if (wanted == null) {
        return Answer.badRequest(
            "kind must be one of " + EventKind.names() + " but was '" + kind + "'");
      }
    }
    if (name != null && !knows(name, events)) {
      return Answer.notFound(
          unknown("policy, circuit breaker or retry budget", name, knownNames(events)));
    }
    // Read before collecting: an event recorded meanwhile may come twice (now and next poll).
    long latest = events.latest();
    List<RecordedEvent> found = events.events(name, wanted, since == null ? 0 : since);
    return Answer.ok(
        new EventsDescriptor(
            events.capacity(), latest, found.stream().map(RecordedEvent::json).toList()));
  }

  /** The registry's breaker {@code name}, else the per-host breaker of that name. */
  private Optional<CircuitBreaker> breaker(String name) {
    Optional<CircuitBreaker> named = breakers.find(name);
    if (named.isPresent()) {
      return named;
    }
    return hostBreakers.get().stream().filter(b -> b.name().equals(name)).findFirst();
  }

  private List<String> breakerNames() {
    List<String> names = new ArrayList<>();
    breakers.all().forEach(breaker -> names.add(breaker.name()));
    hostBreakers.get().forEach(breaker -> names.add(breaker.name()));
    return names;
  }

  private boolean knows(String name, BackonEventHistory events) {
    return policies.find(name).isPresent()
        || breaker(name).isPresent()
        || budgets.find(name).isPresent()
        || events.names().contains(name);
  }

  private TreeSet<String> knownNames(BackonEventHistory events) {
    TreeSet<String> names = new TreeSet<>(policies.names());
    names.addAll(breakerNames());
    budgets.all().forEach(budget -> names.add(budget.name()));
    names.addAll(events.names());
    return names;
  }

  private PolicyDescriptor describePolicy(String name) {
    return PolicyDescriptor.of(policies.policy(name), policies.originsOf(name));
  }

  private static String unknown(String what, String name, Collection<String> known) {
    return "no " + what + " named '" + name + "' (known: " + new TreeSet<>(known) + ").";
  }
}
