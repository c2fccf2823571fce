/**
 * The whole annotated call as a Spring Boot user with Actuator runs it: a real Boot application
 * ({@link io.backon.benchmarks.boot.BootBenchmarkApplication}) with Actuator, a Prometheus
 * registry, Boot's observation auto-configuration and default logging, {@code @Backon} beside
 * Resilience4j's {@code @Retry} (its Boot 4 starter, with metrics) and Spring 7's
 * {@code @Retryable}; with and without an OpenTelemetry tracing bridge ({@link
 * io.backon.benchmarks.boot.BootActuatorBenchmark}).
 */
@NullMarked
package io.backon.benchmarks.boot;

import org.jspecify.annotations.NullMarked;
