package io.backon.budget;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Named retry budgets, one per downstream, so every policy calling the same service can share one
 * token bucket. {@link #budget(String)} creates a budget with the defaults on first use and returns
 * the same instance afterwards. Thread-safe: racing first uses create exactly one budget.
 */
public final class RetryBudgetRegistry {

  private final ConcurrentMap<String, RetryBudget> budgets = new ConcurrentHashMap<>();

  private RetryBudgetRegistry() {}

  /** An empty registry whose new budgets use {@link RetryBudget}'s defaults. */
  public static RetryBudgetRegistry create() {
    return new RetryBudgetRegistry();
  }

  /** The budget called {@code name} (not blank), created with the defaults if it does not exist. */
  public RetryBudget budget(String name) {
    return budget(name, builder -> {});
  }

  /**
   * The budget called {@code name}, created if it does not exist from the defaults changed by
   * {@code customizer}; the customizer runs at most once per name. If it throws, nothing is
   * registered and the exception propagates.
   */
  public RetryBudget budget(String name, Consumer<RetryBudgetBuilder> customizer) {
    Objects.requireNonNull(customizer, "customizer");
    RetryBudget existing = budgets.get(Objects.requireNonNull(name, "name"));
    if (existing != null) {
      return existing;
    }
    return budgets.computeIfAbsent(
        name,
        n -> {
          RetryBudgetBuilder builder = RetryBudget.builder().name(n);
          customizer.accept(builder);
          return builder.build();
        });
  }

  /**
   * Adds a budget built elsewhere (for example a Spring bean) under its own name.
   *
   * @return {@code budget}
   * @throws IllegalArgumentException if a budget with that name is already registered
   */
  public RetryBudget register(RetryBudget budget) {
    Objects.requireNonNull(budget, "budget");
    RetryBudget previous = budgets.putIfAbsent(budget.name(), budget);
    if (previous != null && previous != budget) {
      throw new IllegalArgumentException(
          "a retry budget named '" + budget.name() + "' is already registered");
    }
    return budget;
  }

  /** The budget called {@code name}, if it was created. */
  public Optional<RetryBudget> find(String name) {
    return Optional.ofNullable(budgets.get(Objects.requireNonNull(name, "name")));
  }

  /** An unmodifiable snapshot of every budget created so far, in no particular order. */
  public Collection<RetryBudget> all() {
    return List.copyOf(budgets.values());
  }

  @Override
  public String toString() {
    return "RetryBudgetRegistry" + budgets.keySet();
  }
}
