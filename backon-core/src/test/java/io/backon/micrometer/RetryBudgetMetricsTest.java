package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Retry-budget meters: tokens left and retries refused, as a policy spends the budget. */
class RetryBudgetMetricsTest extends MetricsFixture {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RetryBudget budget = RetryBudget.builder().name("shared").maxTokens(4).build();

  @Test
  void theTokensGaugeShowsWhatIsLeftAndRefusedRetriesAreCounted() {
    BackonMicrometer metrics = BackonMicrometer.of(registry).bindTo(budget);
    Retrying retrying =
        Retrying.of(policy().maxTries(10).retryBudget(budget).instrumentation(metrics).build());
    assertThat(registry.get("backon.budget.tokens").tag("name", "shared").gauge().value())
        .isEqualTo(4.0);

    assertThatThrownBy(() -> retrying.call(() -> flaky(100))).isInstanceOf(IOException.class);

    assertThat(registry.get("backon.budget.tokens").tag("name", "shared").gauge().value())
        .as("each failure cost a token until the budget refused at half")
        .isEqualTo(2.0);
    assertThat(
            registry.get("backon.budget.refused").tag("name", "shared").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("backon.calls").tag("outcome", "failure_with_retry").timer().count())
        .isEqualTo(1);
  }

  @Test
  void theBinderCanBeUsedDirectly() {
    RetryBudgetMetrics.of(budget).bindTo(registry);

    assertThat(registry.find("backon.budget.tokens").gauges()).hasSize(1);
    assertThat(registry.find("backon.budget.refused").functionCounters()).hasSize(1);
  }
}
