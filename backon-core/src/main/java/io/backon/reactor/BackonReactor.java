package io.backon.reactor;

import io.backon.RetryPolicy;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;

/**
 * Entry point of the Reactor support: operators that retry a {@code Mono} or {@code Flux} under a
 * {@link RetryPolicy}.
 *
 * <pre>{@code
 * Mono<Order> order = client.fetch(id).transform(BackonReactor.retry(policy));
 * Flux<Event> events = client.stream().transform(BackonReactor.retry(policy));
 * }</pre>
 *
 * <p>Each subscription to the result is one retried call: the source is re-subscribed after each
 * retried failure, with a fresh state per subscription. See {@link RetryOperator} for the exact
 * semantics (result checks, timeouts, deadline, fallbacks, cancellation, context, hedging).
 *
 * <p>A policy's {@link RetryPolicy#hedging() hedging} races copies of each <b>Mono</b> attempt
 * (first success wins, the others are cancelled); a <b>Flux</b> is never hedged (a multi-element
 * stream cannot be raced safely): it is retried without hedging, and a WARNING is logged once per
 * operator.
 *
 * <p>Loading this class registers {@link AttemptNumberAccessor} with Micrometer's {@code
 * ContextRegistry} when the {@code context-propagation} library is present, so that {@link
 * io.backon.Retries#attemptNumber()} works inside the retried publisher after thread hops once
 * {@code Hooks.enableAutomaticContextPropagation()} is on.
 */
public final class BackonReactor {

  /**
   * The key under which each attempt's subscription finds its 1-based attempt number (an {@link
   * Integer}) in the Reactor {@code Context}: {@code Mono.deferContextual(ctx ->
   * Mono.just(ctx.get(BackonReactor.ATTEMPT_CONTEXT_KEY)))}. It is also the key of {@link
   * AttemptNumberAccessor}.
   */
  public static final String ATTEMPT_CONTEXT_KEY = "backon.attempt";

  private static final String CONTEXT_REGISTRY = "io.micrometer.context.ContextRegistry";

  /** Whether Micrometer's context-propagation library is on the class path. */
  static final boolean CONTEXT_PROPAGATION = isPresent(CONTEXT_REGISTRY);

  static {
    if (CONTEXT_PROPAGATION) {
      AttemptNumberAccessor.register();
    }
  }

  private BackonReactor() {}

  /**
   * An operator retrying under {@code policy}, waiting on {@code Schedulers.parallel()} (looked up
   * at each subscription, so {@code StepVerifier.withVirtualTime} replaces it). Use it with {@code
   * mono.transform(...)} or {@code flux.transform(...)}.
   *
   * @param policy how to retry
   * @param <T> the element type
   * @return a reusable, thread-safe operator
   */
  public static <T> RetryOperator<T> retry(RetryPolicy policy) {
    return new RetryOperator<>(Objects.requireNonNull(policy, "policy"), null, null);
  }

  /**
   * Like {@link #retry(RetryPolicy)}, with back-off waits, attempt timeouts and the deadline run on
   * {@code scheduler} (whose {@code now()} also measures elapsed time when the policy uses the
   * system clock).
   *
   * @param policy how to retry
   * @param scheduler where waits and timers run
   * @param <T> the element type
   * @return a reusable, thread-safe operator
   */
  public static <T> RetryOperator<T> retry(RetryPolicy policy, Scheduler scheduler) {
    return new RetryOperator<>(
        Objects.requireNonNull(policy, "policy"),
        Objects.requireNonNull(scheduler, "scheduler"),
        null);
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, BackonReactor.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
