package io.backon.budget;

import java.util.Objects;

/** Builds a {@link RetryBudget}; validates each setting. Not thread-safe. */
public final class RetryBudgetBuilder {

  private String name = "default";
  private int maxTokens = RetryBudget.DEFAULT_MAX_TOKENS;
  private double tokenRatio = RetryBudget.DEFAULT_TOKEN_RATIO;

  RetryBudgetBuilder() {}

  /** Names the budget. Default {@code "default"}. */
  public RetryBudgetBuilder name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** Tokens in a full bucket; retries stop at half of it. Must be >= 1 (default 10). */
  public RetryBudgetBuilder maxTokens(int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1 but was " + maxTokens);
    }
    this.maxTokens = maxTokens;
    return this;
  }

  /** Tokens earned per successful attempt; in (0, 1] (default 0.1). */
  public RetryBudgetBuilder tokenRatio(double tokenRatio) {
    if (!(tokenRatio > 0.0 && tokenRatio <= 1.0)) {
      throw new IllegalArgumentException("tokenRatio must be > 0 and <= 1 but was " + tokenRatio);
    }
    this.tokenRatio = tokenRatio;
    return this;
  }

  /** The budget, full. */
  public RetryBudget build() {
    return new RetryBudget(name, maxTokens, tokenRatio);
  }
}
