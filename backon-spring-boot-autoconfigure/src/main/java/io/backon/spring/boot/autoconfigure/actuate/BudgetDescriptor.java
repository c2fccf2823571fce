package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetSnapshot;

/**
 * One retry budget as {@code /actuator/backon} shows it.
 *
 * @param tokens tokens in the bucket now
 * @param maxTokens tokens in a full bucket
 * @param tokenRatio tokens earned per successful attempt
 * @param retriesAllowed retries and hedges allowed since the start
 * @param retriesRefused retries and hedges refused since the start
 */
public record BudgetDescriptor(
    double tokens, int maxTokens, double tokenRatio, long retriesAllowed, long retriesRefused) {

  /** Describes {@code budget} now. */
  public static BudgetDescriptor of(RetryBudget budget) {
    RetryBudgetSnapshot s = budget.snapshot();
    return new BudgetDescriptor(
        s.tokens(), s.maxTokens(), budget.tokenRatio(), s.retriesAllowed(), s.retriesRefused());
  }
}
