/**
 * The instrumentation SPI of the retry engine: {@link
 * io.backon.instrumentation.RetryInstrumentation} sees every call, attempt and hedged race of a
 * policy, for metrics and tracing. Set one with {@code RetryPolicy.builder().instrumentation(...)};
 * {@code io.backon.micrometer.BackonMicrometer} is the Micrometer implementation. Without one the
 * engine calls nothing here and allocates nothing for it.
 */
@NullMarked
package io.backon.instrumentation;

import org.jspecify.annotations.NullMarked;
