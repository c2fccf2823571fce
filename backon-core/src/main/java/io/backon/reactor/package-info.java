/**
 * Project Reactor support: retry a {@code Mono} or {@code Flux} under a {@link
 * io.backon.RetryPolicy} with {@code mono.transform(BackonReactor.retry(policy))}.
 *
 * <p>Every subscription is one retried call driven by the same engine as the blocking and {@code
 * CompletableFuture} faces: the same decision after each attempt, the same events, give-up results,
 * statistics, global toggle and test scopes. Back-off waits, attempt timeouts and the deadline run
 * on a Reactor {@code Scheduler} ({@code Schedulers.parallel()} unless one is given), so {@code
 * StepVerifier.withVirtualTime} controls them.
 *
 * <p>This package is the only part of Backon that references Reactor types; it is loaded only when
 * {@code reactor-core} (an optional dependency) is on the class path. The attempt number is
 * published in the Reactor {@code Context} under {@link
 * io.backon.reactor.BackonReactor#ATTEMPT_CONTEXT_KEY}, and, when Micrometer's {@code
 * context-propagation} library is present, restored into {@link io.backon.Retries#attemptNumber()}
 * by {@link io.backon.reactor.AttemptNumberAccessor}.
 */
@NullMarked
package io.backon.reactor;

import org.jspecify.annotations.NullMarked;
