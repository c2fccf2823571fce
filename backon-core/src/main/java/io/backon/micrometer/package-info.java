/**
 * Micrometer support (optional dependency {@code io.micrometer:micrometer-core}): {@link
 * io.backon.micrometer.BackonMicrometer} records Backon's meters and, given an {@code
 * ObservationRegistry}, an {@code Observation} per call with a child per attempt; {@link
 * io.backon.micrometer.CircuitBreakerMetrics} and {@link io.backon.micrometer.RetryBudgetMetrics}
 * bind breakers and budgets. Meter names and tags are listed in {@link
 * io.backon.micrometer.BackonMeterNames}. Nothing else in Backon refers to Micrometer: without it
 * on the class path, only this package is unusable.
 */
@NullMarked
package io.backon.micrometer;

import org.jspecify.annotations.NullMarked;
