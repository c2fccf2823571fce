package io.backon.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Named budgets shared by every policy that calls the same downstream. */
class RetryBudgetRegistryTest {

  private final RetryBudgetRegistry registry = RetryBudgetRegistry.create();

  @Test
  void createsABudgetWithTheDefaultsOnFirstUseAndReturnsItAfterwards() {
    RetryBudget payments = registry.budget("payments");

    assertThat(payments.name()).isEqualTo("payments");
    assertThat(payments.maxTokens()).isEqualTo(RetryBudget.DEFAULT_MAX_TOKENS);
    assertThat(payments.tokenRatio()).isEqualTo(RetryBudget.DEFAULT_TOKEN_RATIO);
    assertThat(registry.budget("payments")).isSameAs(payments);
    assertThat(registry.budget("orders")).isNotSameAs(payments);
  }

  @Test
  void aCustomizerRunsOnceAndChangesOnlyTheBudgetItCreates() {
    AtomicInteger runs = new AtomicInteger();

    RetryBudget custom =
        registry.budget(
            "payments",
            b -> {
              runs.incrementAndGet();
              b.maxTokens(4);
            });
    RetryBudget again = registry.budget("payments", b -> runs.incrementAndGet());

    assertThat(again).isSameAs(custom);
    assertThat(runs).hasValue(1);
    assertThat(custom.maxTokens()).isEqualTo(4);
    assertThat(registry.budget("orders").maxTokens()).isEqualTo(RetryBudget.DEFAULT_MAX_TOKENS);
  }

  @Test
  void aFailingCustomizerRegistersNothing() {
    assertThatThrownBy(() -> registry.budget("payments", b -> b.maxTokens(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTokens must be >= 1 but was 0");

    assertThat(registry.find("payments")).isEmpty();
  }

  @Test
  void registersABudgetBuiltElsewhereUnderItsOwnName() {
    RetryBudget stock = RetryBudget.builder().name("stock").maxTokens(3).build();

    assertThat(registry.register(stock)).isSameAs(stock);
    assertThat(registry.register(stock)).as("the same instance again").isSameAs(stock);
    assertThat(registry.budget("stock")).isSameAs(stock);
    assertThat(registry.find("stock")).containsSame(stock);
  }

  @Test
  void rejectsASecondBudgetWithATakenName() {
    RetryBudget stock = registry.budget("stock");

    assertThatThrownBy(() -> registry.register(RetryBudget.ofDefaults("stock")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a retry budget named 'stock' is already registered");
    assertThat(registry.budget("stock")).isSameAs(stock);
  }

  @Test
  void findReturnsOnlyCreatedBudgets() {
    RetryBudget payments = registry.budget("payments");

    assertThat(registry.find("payments")).containsSame(payments);
    assertThat(registry.find("orders")).isEmpty();
  }

  @Test
  void allIsAnUnmodifiableSnapshot() {
    registry.budget("payments");
    registry.budget("orders");

    var all = registry.all();
    registry.budget("stock");

    assertThat(all).extracting(RetryBudget::name).containsExactlyInAnyOrder("payments", "orders");
    assertThatThrownBy(() -> all.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void namesItsBudgetsInToString() {
    registry.budget("payments");

    assertThat(registry).hasToString("RetryBudgetRegistry[payments]");
  }

  @Test
  void rejectsBlankAndNullNames() {
    assertThatThrownBy(() -> registry.budget(" ")).hasMessage("name must not be blank");
    assertThatThrownBy(() -> registry.budget(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.budget("payments", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> registry.register(null)).isInstanceOf(NullPointerException.class);
  }
}
