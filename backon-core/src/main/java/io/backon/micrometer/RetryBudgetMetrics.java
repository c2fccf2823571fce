package io.backon.micrometer;

import io.backon.budget.RetryBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;

/**
 * Binds retry budgets to a {@link MeterRegistry}, each tagged {@value BackonMeterNames#NAME} = the
 * budget's name: {@code backon.budget.tokens} (gauge, tokens left) and {@code
 * backon.budget.refused} (counter of retries and hedges refused because the budget was empty; the
 * budget's own count, which {@code reset()} sets back to 0). Both hold the budget weakly; binding
 * again is harmless (the registry keeps the first meter of each name and tags). As a {@link
 * MeterBinder} it can be a Spring bean. Thread-safe.
 */
public final class RetryBudgetMetrics implements MeterBinder {

  private final List<RetryBudget> budgets;

  private RetryBudgetMetrics(List<RetryBudget> budgets) {
    this.budgets = budgets;
  }

  /** Metrics for these budgets. */
  public static RetryBudgetMetrics of(RetryBudget... budgets) {
    return new RetryBudgetMetrics(List.of(Objects.requireNonNull(budgets, "budgets")));
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    for (RetryBudget budget : budgets) {
      Gauge.builder(BackonMeterNames.BUDGET_TOKENS, budget, RetryBudget::tokens)
          .description("Tokens left in the retry budget")
          .baseUnit("tokens")
          .tag(BackonMeterNames.NAME, budget.name())
          .register(meterRegistry);
      FunctionCounter.builder(
              BackonMeterNames.BUDGET_REFUSED, budget, b -> b.snapshot().retriesRefused())
          .description("Retries and hedges refused because the retry budget was empty")
          .tag(BackonMeterNames.NAME, budget.name())
          .register(meterRegistry);
    }
  }
}
