/**
 * Backon's public API: {@link io.backon.RetryPolicy} describes how to retry, {@link
 * io.backon.Retrying} and {@link io.backon.Retries} run calls under a policy.
 */
@NullMarked
package io.backon;

import org.jspecify.annotations.NullMarked;
