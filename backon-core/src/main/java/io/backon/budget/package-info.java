/**
 * Retry budgets ({@link io.backon.budget.RetryBudget}): a token bucket shared by many calls so that
 * an outage cannot multiply the load on a downstream.
 */
@NullMarked
package io.backon.budget;

import org.jspecify.annotations.NullMarked;
