package io.backon.reactor;

import io.backon.RetryPolicy;
import io.backon.condition.RetryCondition;
import io.backon.internal.Pipeline;
import io.backon.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The policies a {@link RetryOperator} runs its calls under, derived from the policy it was given:
 * on the system clock, the policy reads the scheduler's clock instead (so virtual time drives
 * elapsed time); for a {@code Flux}, whose completion carries no value, result conditions are
 * neutralised. Deriving builds policies, so the forms for the default scheduler are kept with the
 * policy's compiled form and shared by every operator of that policy: an operator made per call
 * costs no policy build. Immutable and thread-safe.
 *
 * @param clock the clock of the scheduler waits run on
 * @param timers the engine's timers (attempt timeouts, hedge delays) on that scheduler, resolved
 *     when each timer is set
 * @param valuePolicy the policy of a {@code Mono} call
 * @param streamPolicy the policy of a {@code Flux} call
 */
record ReactorForms(
    SchedulerClock clock,
    io.backon.time.Scheduler timers,
    RetryPolicy valuePolicy,
    RetryPolicy streamPolicy) {

  /** The forms of {@code policy} on {@code scheduler}, or on {@code Schedulers.parallel()}. */
  static ReactorForms of(RetryPolicy policy, @Nullable Scheduler scheduler) {
    if (scheduler != null) {
      return derive(policy, new SchedulerClock(scheduler));
    }
    return (ReactorForms)
        Pipeline.of(policy).reactorForms(() -> derive(policy, new SchedulerClock(null)));
  }

  private static ReactorForms derive(RetryPolicy policy, SchedulerClock clock) {
    RetryPolicy valuePolicy =
        policy.clock() == Clock.system() ? policy.toBuilder().clock(clock).build() : policy;
    RetryPolicy streamPolicy =
        Pipeline.of(valuePolicy).checksResults() ? failuresOnly(valuePolicy) : valuePolicy;
    return new ReactorForms(clock, timersOn(clock), valuePolicy, streamPolicy);
  }

  private static io.backon.time.Scheduler timersOn(SchedulerClock clock) {
    return (task, delayNanos) -> {
      Scheduler scheduler = clock.scheduler();
      Disposable timer =
          delayNanos <= 0L
              ? scheduler.schedule(task)
              : scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      return timer::dispose;
    };
  }

  /**
   * The policy for a Flux: the same policy with result conditions neutralised, so completing never
   * counts as a rejected value. A policy built with {@code retryIfResult} gets a never-matching
   * value predicate; one built with a whole {@code retryIf} condition (which the builder refuses to
   * combine with {@code retryIfResult}) gets that condition restricted to failures.
   */
  private static RetryPolicy failuresOnly(RetryPolicy policy) {
    try {
      return policy.toBuilder().retryIfResult(value -> false).build();
    } catch (IllegalStateException wholeCondition) {
      RetryCondition condition = policy.retryCondition();
      return policy.toBuilder()
          .retryIf((value, failure) -> failure != null && condition.shouldRetry(value, failure))
          .build();
    }
  }
}
