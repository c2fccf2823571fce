/**
 * Retry conditions ({@link io.backon.condition.RetryCondition}): which failures and results are
 * retried.
 */
@NullMarked
package io.backon.condition;

import org.jspecify.annotations.NullMarked;
