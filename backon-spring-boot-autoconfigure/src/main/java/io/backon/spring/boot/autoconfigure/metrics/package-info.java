/**
 * Micrometer support: every Backon policy reports {@code backon.*} meters and, when something
 * consumes them beyond those meters (a tracing handler, an observation handler of the application,
 * or {@code backon.observations.enabled=on}), one observation per call with a child per attempt.
 * Configured only when Micrometer and a {@code MeterRegistry} bean are present.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
