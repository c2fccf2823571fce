package io.backon.budget;

/**
 * A point-in-time view of a {@link RetryBudget}.
 *
 * @param name the budget's name
 * @param tokens tokens left, between 0 and {@code maxTokens}
 * @param maxTokens the full bucket size
 * @param retriesAllowed retries and hedges allowed since creation or reset
 * @param retriesRefused retries and hedges refused since creation or reset
 */
public record RetryBudgetSnapshot(
    String name, double tokens, int maxTokens, long retriesAllowed, long retriesRefused) {}
