/**
 * The scenarios of the sample app: services whose {@code @Backon} methods call the flaky downstream
 * under the named policies of {@code application.yml} (retry with {@code Retry-After}, circuit
 * breaker, hedging, attempt timeout and deadline, retry budget, fallback, asynchronous and reactive
 * calls, a class-level default), and {@code GET /scenarios/{name}}, which runs one and reports what
 * happened.
 */
@NullMarked
package io.backon.sample.scenarios;

import org.jspecify.annotations.NullMarked;
