package io.backon.reactor;

import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.RetryStatistics;
import io.backon.internal.Engine;
import io.backon.internal.GlobalSettings;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.context.ContextView;

/**
 * Retries a {@code Mono} or {@code Flux} under a {@link RetryPolicy}; obtain one from {@link
 * BackonReactor#retry(RetryPolicy)} and apply it with {@code transform}. Reusable and thread-safe.
 *
 * <p>Each subscription is one call with its own state. The source is subscribed once per attempt;
 * an attempt fails when it signals an error, and the policy's one decision function (the same as
 * for {@code Retrying.call}) then retries it after a back-off wait on the Reactor scheduler, or
 * gives up. Semantics by publisher type:
 *
 * <ul>
 *   <li><b>Mono</b>: the value (or emptiness, seen as {@code null}) is checked by the policy's
 *       result conditions; a rejected value is not emitted and is retried like a failure. The first
 *       accepted value is emitted.
 *   <li><b>Flux</b>: only errors are retried; result conditions are ignored. Elements are emitted
 *       as they arrive, including those of attempts that later fail (as with Reactor's own {@code
 *       retry}), so a consumer may see some elements more than once.
 * </ul>
 *
 * <p>Giving up signals the last failure as the source produced it; a {@link
 * io.backon.DeadlineExceededException} (cause: the last failure) when the deadline ended the call;
 * a {@link io.backon.RetriesExhaustedException} when the last Mono value was rejected. A fallback's
 * value is emitted instead (as the single element for a Flux); with {@code raiseOnGiveUp(false)}
 * the last rejected value is emitted, or the publisher completes empty when there is none (Reactor
 * cannot emit {@code null}).
 *
 * <p>{@code attemptTimeout} cancels an attempt's subscription after that time and fails it with a
 * retryable {@link io.backon.AttemptTimeoutException}; {@code deadline} cancels the running attempt
 * or wait and ends the call. Both count from subscription on the operator's scheduler. Cancelling
 * the subscriber cancels the in-flight attempt and the pending wait; nothing more is scheduled.
 *
 * <p><b>Hedging</b> ({@link RetryPolicy#hedging()}) applies to <b>Mono</b> attempts only, with the
 * same rules as the other faces ({@link io.backon.Hedging} is the engine): an attempt subscribes
 * the source once (copy 1); when it has no result after the hedge delay, another copy is
 * subscribed, and so on up to {@code maxHedges} copies in flight; a copy that fails launches the
 * next one at once. The first success wins and the other copies' subscriptions are cancelled; when
 * all copies fail, the attempt fails with the last failure, the others suppressed, and the retry
 * loop decides as usual. Each copy passes through the circuit breaker (one permission per copy; a
 * copy cancelled because another won records nothing and returns its permission) and gets its own
 * attempt timeout; the deadline cuts the whole attempt. No hedge starts while the breaker is open,
 * and each hedge needs a retry-budget token. Hedge delays run on the operator's Reactor scheduler
 * (virtual time works); the hedging policy's own scheduler and executor are not used: copies are
 * subscribed on the thread that launches them (add {@code subscribeOn} to the source to move them).
 * The hedging policy's {@code onHedge} listener is told about each hedge.
 *
 * <p><b>A Flux is never hedged</b>: a multi-element stream cannot be raced safely (elements of a
 * losing copy would already have been emitted). A Flux under a policy with hedging is retried with
 * every other layer (breaker, attempt timeout, deadline) and without hedging, and the operator logs
 * a WARNING once on the {@code io.backon.reactor} logger the first time it is applied to a Flux.
 * Use a policy without hedging for streams, or hedge a {@code Mono} (e.g. {@code
 * flux.collectList()}).
 *
 * <p>Each attempt's subscription carries its number in the Reactor {@code Context} under {@link
 * BackonReactor#ATTEMPT_CONTEXT_KEY}. Listeners, statistics, {@code Retries.disable()} and the
 * {@code io.backon.testing} scopes behave as for the blocking face; the global switch is read at
 * each subscription (when off, the source is subscribed once, untouched). A policy with {@code
 * enabled(false)} makes {@link #apply} return the source itself.
 *
 * @param <T> the element type
 */
public final class RetryOperator<T> implements Function<Publisher<T>, Publisher<T>> {

  private static final System.Logger LOGGER = System.getLogger("io.backon.reactor");

  private final RetryPolicy policy;
  private final ReactorForms forms;
  private final @Nullable Scheduler scheduler;
  private final @Nullable Invocation invocation;
  private final @Nullable AtomicReference<RetryStatistics> statistics;
  private final AtomicBoolean fluxHedgingWarned;

  RetryOperator(
      RetryPolicy policy, @Nullable Scheduler scheduler, @Nullable Invocation invocation) {
    this(policy, scheduler, invocation, ReactorForms.of(policy, scheduler), new AtomicBoolean());
  }

  private RetryOperator(
      RetryPolicy policy,
      @Nullable Scheduler scheduler,
      @Nullable Invocation invocation,
      ReactorForms forms,
      AtomicBoolean fluxHedgingWarned) {
    this.policy = policy;
    this.scheduler = scheduler;
    this.invocation = invocation;
    this.forms = forms;
    this.fluxHedgingWarned = fluxHedgingWarned;
    this.statistics = policy.statistics() ? new AtomicReference<>(RetryStatistics.NONE) : null;
  }

  /**
   * Retries {@code source}: a {@code Mono} gives a {@code Mono} (see {@link #mono}), any other
   * publisher a {@code Flux} (see {@link #flux}).
   *
   * @param source the publisher to retry; subscribed once per attempt
   * @return the retrying publisher, or {@code source} itself when the policy is disabled
   */
  @Override
  public Publisher<T> apply(Publisher<T> source) {
    Objects.requireNonNull(source, "source");
    if (source instanceof Mono<T> mono) {
      return mono(mono);
    }
    return flux(source);
  }

  /**
   * Retries a {@code Mono}, checking its value (or emptiness) with the policy's result conditions.
   *
   * @param source the Mono to retry; subscribed once per attempt
   * @return a {@code Mono} that makes one retried call per subscription
   */
  public Mono<T> mono(Mono<T> source) {
    Objects.requireNonNull(source, "source");
    if (!policy.enabled()) {
      return source;
    }
    return Mono.deferContextual(
        context -> {
          GlobalSettings overrides = activeOverrides();
          return overrides == null
              ? source
              : call(context, source, forms.valuePolicy(), overrides).mono();
        });
  }

  /**
   * Retries any publisher as a {@code Flux}: errors are retried, elements pass through as they
   * come. The policy's hedging, if any, is not applied (see the class documentation); the first
   * Flux this operator is applied to logs a WARNING saying so.
   *
   * @param source the publisher to retry; subscribed once per attempt
   * @return a {@code Flux} that makes one retried call per subscription
   */
  public Flux<T> flux(Publisher<T> source) {
    Objects.requireNonNull(source, "source");
    if (!policy.enabled()) {
      return Flux.from(source);
    }
    if (policy.hedging() != null && fluxHedgingWarned.compareAndSet(false, true)) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          () ->
              "Retry policy '"
                  + policy.name()
                  + "' has hedging, which the Reactor operator does not apply to a Flux (a multi-element"
                  + " stream cannot be raced safely); the Flux is retried without hedging. Use a policy"
                  + " without hedging for Flux sources, or hedge a Mono (e.g. flux.collectList()).");
    }
    return Flux.deferContextual(
        context -> {
          GlobalSettings overrides = activeOverrides();
          return overrides == null
              ? source
              : call(context, source, forms.streamPolicy(), overrides).flux();
        });
  }

  /**
   * A copy naming the target and its arguments in events and logs (integrations pass the method
   * being called). The copy keeps its own statistics.
   *
   * @param invocation the target's name and arguments
   * @return a new operator with the same policy and scheduler
   */
  public RetryOperator<T> withInvocation(Invocation invocation) {
    return new RetryOperator<>(
        policy,
        scheduler,
        Objects.requireNonNull(invocation, "invocation"),
        forms,
        fluxHedgingWarned);
  }

  /** The policy this operator applies, as given. */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * What the most recently completed call through this operator did.
   *
   * @throws IllegalStateException when the policy does not record statistics
   */
  public RetryStatistics statistics() {
    return Engine.statistics(statistics, policy.name());
  }

  /**
   * A new call; it starts as a child of the observation in the subscriber's Context, if any (see
   * {@link ObservationPropagation}).
   */
  private ReactorCall<T> call(
      ContextView context, Publisher<T> source, RetryPolicy effective, GlobalSettings overrides) {
    if (BackonReactor.CONTEXT_PROPAGATION && context.hasKey(ObservationPropagation.KEY)) {
      return ObservationPropagation.withObservationOf(
          context,
          () ->
              new ReactorCall<>(
                  effective,
                  overrides,
                  invocation,
                  source,
                  forms.clock().scheduler(),
                  forms.timers(),
                  statistics,
                  context));
    }
    return new ReactorCall<>(
        effective,
        overrides,
        invocation,
        source,
        forms.clock().scheduler(),
        forms.timers(),
        statistics,
        context);
  }

  /** The switches for a new call, or {@code null} when retrying is off (the try is counted). */
  private static @Nullable GlobalSettings activeOverrides() {
    GlobalSettings overrides = GlobalSettings.current();
    if (overrides.disabled()) {
      AtomicInteger counter = overrides.attemptCounter();
      if (counter != null) {
        counter.incrementAndGet();
      }
      return null;
    }
    return overrides;
  }

  @Override
  public String toString() {
    return "RetryOperator{" + policy + ", " + forms.clock() + '}';
  }
}
