/**
 * Tests of Backon's calls as traces, with Micrometer Tracing's OpenTelemetry or Brave bridge as
 * Spring Boot configures it in production. They run in the surefire executions {@code
 * with-opentelemetry} ({@code *WithOpenTelemetryTest}) and {@code with-brave} ({@code
 * *WithBraveTest}), the only ones with that bridge on their class path.
 */
@NullMarked
package io.backon.spring.boot.autoconfigure.tracing;

import org.jspecify.annotations.NullMarked;
