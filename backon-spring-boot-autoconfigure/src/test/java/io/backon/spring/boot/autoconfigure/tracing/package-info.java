/**
 * Tests of Backon's calls as traces, with Micrometer Tracing's OpenTelemetry bridge as Spring Boot
 * configures it in production. They run in the surefire execution {@code with-opentelemetry}, the
 * only one with the bridge on its class path.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
