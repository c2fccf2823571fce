package io.backon.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The settings of one retry budget ({@code backon.budget-defaults.*} or {@code
 * backon.budgets.<name>.*}): a token bucket shared by every call of the policies naming it. Mutable
 * JavaBean for binding only.
 */
public class BudgetProperties {

  /** Tokens in a full bucket; retries stop below half of it (>= 1). Default 10. */
  private @Nullable Integer maxTokens;

  /** Tokens earned per successful attempt, in (0, 1]. Default 0.1. */
  private @Nullable Double tokenRatio;

  /** The tokens in a full bucket. */
  public @Nullable Integer getMaxTokens() {
    return maxTokens;
  }

  /** Sets the tokens in a full bucket. */
  public void setMaxTokens(@Nullable Integer maxTokens) {
    this.maxTokens = maxTokens;
  }

  /** The tokens earned per success. */
  public @Nullable Double getTokenRatio() {
    return tokenRatio;
  }

  /** Sets the tokens earned per success. */
  public void setTokenRatio(@Nullable Double tokenRatio) {
    this.tokenRatio = tokenRatio;
  }
}
