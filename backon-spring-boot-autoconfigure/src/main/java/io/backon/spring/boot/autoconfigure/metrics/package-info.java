/**
 * Micrometer support: every Backon policy reports {@code backon.*} meters and, when an {@code
 * ObservationRegistry} is present, one observation per call with a child per attempt. Configured
 * only when Micrometer and a {@code MeterRegistry} bean are present.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
