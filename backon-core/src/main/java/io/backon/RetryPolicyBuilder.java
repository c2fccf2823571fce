package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.budget.RetryBudget;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.internal.support.Checks;
import io.backon.stop.Stop;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import io.backon.time.Sleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link RetryPolicy}. Every setter validates at once and names the parameter, its value
 * and the rule. Not thread-safe; the policies it builds are.
 */
public final class RetryPolicyBuilder {

  private final RetrySettings s;

  RetryPolicyBuilder() {
    this(new RetrySettings());
  }

  RetryPolicyBuilder(RetrySettings settings) {
    this.s = settings;
  }

  /** Names the policy for events, logs and metrics. Default {@value RetryPolicy#DEFAULT_NAME}. */
  public RetryPolicyBuilder name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    s.name = name;
    return this;
  }

  /** The wait strategy between attempts. Default {@link Wait#expo()}. */
  public RetryPolicyBuilder wait(Wait wait) {
    s.wait = Objects.requireNonNull(wait, "wait");
    return this;
  }

  /**
   * The jitter applied to each wait. Default {@link Jitter#full()}; {@link Jitter#none()} disables.
   */
  public RetryPolicyBuilder jitter(Jitter jitter) {
    s.jitter = Objects.requireNonNull(jitter, "jitter");
    return this;
  }

  /** At most {@code maxTries} attempts in total ({@code maxTries - 1} retries); must be >= 1. */
  public RetryPolicyBuilder maxTries(int maxTries) {
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be >= 1 but was " + maxTries);
    }
    s.maxTries = maxTries;
    s.maxTriesSupplier = null;
    return this;
  }

  /** An attempt limit read at every decision, so it can change at run time; must supply >= 1. */
  public RetryPolicyBuilder maxTries(IntSupplier maxTries) {
    s.maxTriesSupplier = Objects.requireNonNull(maxTries, "maxTries");
    s.maxTries = 0;
    return this;
  }

  /**
   * No attempt starts later than {@code maxTime} after the call started; waits are shortened to
   * fit. Must be positive and at most about 292 years ({@code Long.MAX_VALUE} nanoseconds).
   */
  public RetryPolicyBuilder maxTime(Duration maxTime) {
    s.maxTime = Checks.positive("maxTime", maxTime);
    s.maxTimeSupplier = null;
    return this;
  }

  /** A time limit read at every decision; must supply a positive duration. */
  public RetryPolicyBuilder maxTime(Supplier<Duration> maxTime) {
    s.maxTimeSupplier = Objects.requireNonNull(maxTime, "maxTime");
    s.maxTime = null;
    return this;
  }

  /**
   * A custom stop condition, checked in addition to maxTries and maxTime. Setting any stop
   * condition removes the default of {@value RetryPolicy#DEFAULT_MAX_TRIES} attempts, so {@code
   * stop(Stop.never())} retries until success.
   */
  public RetryPolicyBuilder stop(Stop stop) {
    s.stop = Objects.requireNonNull(stop, "stop");
    return this;
  }

  /** Retry only failures of these types (replaces the default: any {@link Exception}). */
  @SafeVarargs
  public final RetryPolicyBuilder retryOn(Class<? extends Throwable>... types) {
    s.retryOn = Checks.exceptionTypes("retryOn", types);
    return this;
  }

  /** Also retry failures matching this predicate (with {@link #retryOn}, either one suffices). */
  public RetryPolicyBuilder retryIfException(Predicate<? super Throwable> predicate) {
    s.retryIfException = Objects.requireNonNull(predicate, "predicate");
    return this;
  }

  /**
   * Retry when the returned value matches (e.g. {@code v -> v == null}); failures as configured.
   */
  public RetryPolicyBuilder retryIfResult(Predicate<? super @Nullable Object> predicate) {
    s.retryIfResult = Objects.requireNonNull(predicate, "predicate");
    return this;
  }

  /**
   * The whole retry condition for failures and values; cannot be combined with retryOn,
   * retryIfException or retryIfResult.
   */
  public RetryPolicyBuilder retryIf(RetryCondition condition) {
    s.retryIf = Objects.requireNonNull(condition, "condition");
    return this;
  }

  /** Failures of these types end the call at once; they win over every retry condition. */
  @SafeVarargs
  public final RetryPolicyBuilder abortOn(Class<? extends Throwable>... types) {
    s.abortOn = Checks.exceptionTypes("abortOn", types);
    return this;
  }

  /**
   * Give up at once when a retryable failure matches this predicate; the give-up line's reason says
   * {@code giveUpIf matched}.
   */
  public RetryPolicyBuilder giveUpIf(Predicate<? super Throwable> predicate) {
    return giveUpIf(predicate, GiveUpReason.GIVE_UP_PREDICATE.description());
  }

  /**
   * Like {@link #giveUpIf(Predicate)}, with the reason the give-up line gives when the predicate
   * matched, e.g. {@code "Retry-After longer than 5s"}: operators read it, and a predicate an
   * integration adds should say what it checks. The event's {@link GiveUpReason} stays {@link
   * GiveUpReason#GIVE_UP_PREDICATE}.
   *
   * @param reason a short, single-line text, not blank
   */
  public RetryPolicyBuilder giveUpIf(Predicate<? super Throwable> predicate, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank() || reason.lines().count() > 1) {
      throw new IllegalArgumentException(
          "giveUpIf reason must be a non-blank single line, was '" + reason + "'");
    }
    s.giveUpIf = Objects.requireNonNull(predicate, "predicate");
    s.giveUpIfReason = reason.strip();
    return this;
  }

  /**
   * Replaces the strategy's wait and jitter for one retry when it returns a duration (e.g. parsed
   * from a {@code Retry-After} header); {@code null} keeps the strategy. Negative results count as
   * 0.
   */
  public RetryPolicyBuilder waitOverride(
      Function<? super Throwable, ? extends @Nullable Duration> override) {
    s.waitOverride = Objects.requireNonNull(override, "override");
    return this;
  }

  /** Returns this fallback's value instead of failing when the call gives up. */
  public RetryPolicyBuilder fallback(Fallback fallback) {
    s.fallback = Objects.requireNonNull(fallback, "fallback");
    return this;
  }

  /**
   * Whether giving up throws (default {@code true}). With {@code false} the call returns the last
   * value (when a value was rejected) or {@code null} (when the last attempt failed).
   */
  public RetryPolicyBuilder raiseOnGiveUp(boolean raise) {
    s.raiseOnGiveUp = raise;
    return this;
  }

  /**
   * What a {@code supplyAsync} attempt does when the policy's targets occupy every slot ({@code
   * maxHedges} per call in flight, 1 without hedging) because earlier attempts timed out but ignore
   * their interrupt: {@code true} (default) waits in line for one of them to end (the wait counts
   * in the attempt timeout and the deadline), {@code false} fails the call at once with {@link
   * AttemptsStillRunningException}. A target keeps its slot until it really ends, also after its
   * call ended, so targets that ignore interrupts never pile up. Only policies with an attempt
   * timeout, a deadline or hedging keep slots.
   */
  public RetryPolicyBuilder waitForAbandonedAttempts(boolean wait) {
    s.waitForAbandonedAttempts = wait;
    return this;
  }

  /** Adds a listener called first for every attempt. */
  public RetryPolicyBuilder onAttempt(RetryListener listener) {
    return listen(EventType.ATTEMPT, listener);
  }

  /** Adds a listener called right before the target runs. */
  public RetryPolicyBuilder before(RetryListener listener) {
    return listen(EventType.BEFORE, listener);
  }

  /** Adds a listener called right after the target returned or threw. */
  public RetryPolicyBuilder after(RetryListener listener) {
    return listen(EventType.AFTER, listener);
  }

  /** Adds a listener called when a retry was decided, before {@link #onBackoff}. */
  public RetryPolicyBuilder beforeSleep(RetryListener listener) {
    return listen(EventType.BEFORE_SLEEP, listener);
  }

  /** Adds a listener called right before a back-off sleep. */
  public RetryPolicyBuilder onBackoff(RetryListener listener) {
    return listen(EventType.BACKOFF, listener);
  }

  /** Adds a listener called once when the call succeeds. */
  public RetryPolicyBuilder onSuccess(RetryListener listener) {
    return listen(EventType.SUCCESS, listener);
  }

  /** Adds a listener called once when the call gives up. */
  public RetryPolicyBuilder onGiveUp(RetryListener listener) {
    return listen(EventType.GIVE_UP, listener);
  }

  /** Adds a listener for one hook; several per hook run in registration order. */
  public RetryPolicyBuilder listen(EventType type, RetryListener listener) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listener, "listener");
    s.listeners.computeIfAbsent(type, t -> new ArrayList<>()).add(listener);
    return this;
  }

  /** The clock measuring elapsed time. Default {@link Clock#system()}. */
  public RetryPolicyBuilder clock(Clock clock) {
    s.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The sleeper performing back-off waits. Default {@link Sleeper#threadSleep()}. */
  public RetryPolicyBuilder sleeper(Sleeper sleeper) {
    s.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * The random source for jitter and random waits; must be thread-safe if the policy is shared
   * (e.g. {@code new java.util.Random(seed)}). Default: {@code ThreadLocalRandom}.
   */
  public RetryPolicyBuilder random(RandomGenerator random) {
    s.random = Objects.requireNonNull(random, "random");
    return this;
  }

  /** Level of the line logged before each back-off; default DEBUG, {@code OFF} disables. */
  public RetryPolicyBuilder backoffLogLevel(System.Logger.Level level) {
    s.backoffLogLevel = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * Level of the line logged when a call gives up and its failure reaches the caller; default
   * WARNING, {@code OFF} disables every give-up line. Calls saved by a fallback (or not raised) and
   * calls an open breaker rejected before any attempt reached the target log at DEBUG, or at this
   * level if it is lower.
   */
  public RetryPolicyBuilder giveUpLogLevel(System.Logger.Level level) {
    s.giveUpLogLevel = Objects.requireNonNull(level, "level");
    return this;
  }

  /**
   * Records each call for {@link Retrying#statistics()} (default {@code false}: recording costs
   * clock reads and a small snapshot per call).
   */
  public RetryPolicyBuilder statistics(boolean record) {
    s.statistics = record;
    return this;
  }

  /**
   * Cancels an attempt that runs longer than {@code timeout}: it fails with {@link
   * AttemptTimeoutException}, which is retried unless {@code abortOn} or a whole {@code retryIf}
   * condition says otherwise. Synchronous targets keep running on the caller's thread and are
   * interrupted (a target that ignores interrupts finishes late and its result is discarded);
   * asynchronous ones have their future cancelled. Must be positive and at most about 292 years
   * ({@code Long.MAX_VALUE} nanoseconds).
   */
  public RetryPolicyBuilder attemptTimeout(Duration timeout) {
    s.attemptTimeout = Checks.positive("attemptTimeout", timeout);
    return this;
  }

  /**
   * A hard limit over the whole call, waits included: when it passes the running attempt is
   * cancelled and the call fails with {@link DeadlineExceededException} (cause: the last failure).
   * A wait that would end after the deadline ends the call at once. Must be positive and at most
   * about 292 years ({@code Long.MAX_VALUE} nanoseconds).
   */
  public RetryPolicyBuilder deadline(Duration deadline) {
    s.deadline = Checks.positive("deadline", deadline);
    return this;
  }

  /** Runs async waits, attempt timeouts and deadlines. Default {@link Scheduler#shared()}. */
  public RetryPolicyBuilder scheduler(Scheduler scheduler) {
    s.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /**
   * Runs async attempts after a back-off and blocking work moved off the caller's thread. Default:
   * a virtual thread per task on JDK 21+, else a cached daemon pool.
   */
  public RetryPolicyBuilder executor(Executor executor) {
    s.executor = Objects.requireNonNull(executor, "executor");
    return this;
  }

  /**
   * Guards every attempt (every hedged copy) with this breaker: a copy it rejects fails with {@link
   * CircuitOpenException}, which ends the call at once unless {@link #retryOnCircuitOpen(boolean)}.
   * A retry this breaker is sure to reject (OPEN for longer than the wait, or forced open) runs
   * without its wait, so a call whose failures opened the breaker ends promptly. Share one breaker
   * per downstream across policies.
   */
  public RetryPolicyBuilder circuitBreaker(CircuitBreaker breaker) {
    s.circuitBreaker = Objects.requireNonNull(breaker, "breaker");
    return this;
  }

  /** Whether a {@link CircuitOpenException} is retried like any failure. Default {@code false}. */
  public RetryPolicyBuilder retryOnCircuitOpen(boolean retry) {
    s.retryOnCircuitOpen = retry;
    return this;
  }

  /** Hedges every attempt: extra copies after a delay, first success wins. */
  public RetryPolicyBuilder hedging(HedgingPolicy hedging) {
    s.hedging = Objects.requireNonNull(hedging, "hedging");
    return this;
  }

  /**
   * Spends retries and hedges from this budget, shared with other calls and policies: when it is
   * empty the call gives up ({@link GiveUpReason#BUDGET_EXHAUSTED}) instead of retrying.
   */
  public RetryPolicyBuilder retryBudget(RetryBudget budget) {
    s.retryBudget = Objects.requireNonNull(budget, "budget");
    return this;
  }

  /**
   * Tells {@code instrumentation} about every call, attempt and hedged race, for metrics and
   * tracing (e.g. {@code io.backon.micrometer.BackonMicrometer}). Default {@link
   * RetryInstrumentation#NONE}, which costs nothing.
   */
  public RetryPolicyBuilder instrumentation(RetryInstrumentation instrumentation) {
    s.instrumentation = Objects.requireNonNull(instrumentation, "instrumentation");
    return this;
  }

  /** {@code false} makes every call run its target exactly once. Default {@code true}. */
  public RetryPolicyBuilder enabled(boolean enabled) {
    s.enabled = enabled;
    return this;
  }

  /**
   * Validates the combination and builds the immutable policy.
   *
   * @throws IllegalStateException when settings contradict each other
   */
  public RetryPolicy build() {
    if (s.retryIf != null
        && (s.retryOn.length > 0 || s.retryIfException != null || s.retryIfResult != null)) {
      throw new IllegalStateException(
          "retryIf(condition) replaces retryOn, retryIfException and "
              + "retryIfResult; set the whole condition with retryIf, or drop retryIf");
    }
    for (Class<? extends Throwable> abort : s.abortOn) {
      for (Class<? extends Throwable> retry : s.retryOn) {
        if (abort.isAssignableFrom(retry)) {
          throw new IllegalStateException(
              "retryOn "
                  + retry.getName()
                  + " can never be retried because abortOn "
                  + abort.getName()
                  + " covers it; remove one of them");
        }
      }
    }
    return new RetryPolicy(s.copy());
  }
}
