package io.backon.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A budget's size and ratio are range-checked; the largest size neither overflows nor allocates.
 */
class RetryBudgetSettingLimitsTest {

  @Test
  void theLargestBucketHoldsItsTokensWithoutOverflow() {
    RetryBudget budget = RetryBudget.builder().maxTokens(Integer.MAX_VALUE).tokenRatio(1).build();

    budget.onFailure();

    assertThat(budget.tokens()).isEqualTo(Integer.MAX_VALUE - 1.0);
    assertThat(budget.tryAcquireRetry()).isTrue();
    budget.onSuccess();
    assertThat(budget.tokens()).isEqualTo((double) Integer.MAX_VALUE);
  }

  @Test
  void aNegativeBucketOrARatioAboveOneOrInfiniteIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> RetryBudget.builder().maxTokens(Integer.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTokens must be >= 1 but was -2147483648");
    assertThatThrownBy(() -> RetryBudget.builder().tokenRatio(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tokenRatio must be > 0 and <= 1 but was 1.5");
    assertThatThrownBy(() -> RetryBudget.builder().tokenRatio(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tokenRatio must be > 0 and <= 1 but was Infinity");
  }
}
