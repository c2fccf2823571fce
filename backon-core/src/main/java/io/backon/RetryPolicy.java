package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.internal.Engine;
import io.backon.internal.Pipeline;
import io.backon.stop.Stop;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import io.backon.time.Sleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How to retry a call: which outcomes are retried, how long to wait between attempts, when to stop,
 * what to do on giving up, and who is told. Build one with {@link #builder()}; run calls with
 * {@link Retrying#of(RetryPolicy)} or {@link Retries#retry(java.util.concurrent.Callable,
 * RetryPolicy)}.
 *
 * <p>Defaults: {@value #DEFAULT_MAX_TRIES} attempts in total, wait {@link Wait#expo()} with {@link
 * Jitter#full()} jitter, retry on any {@link Exception} (never on an {@link Error}, never on {@link
 * InterruptedException}), raise the last failure on giving up, back-off logged at DEBUG and a
 * give-up that reaches the caller at WARNING on the {@code System.Logger} named {@code
 * io.backon.retry}.
 *
 * <p>Policies are immutable and thread-safe; share one per downstream.
 */
public final class RetryPolicy {

  /** Attempts in total when no stop condition is configured. */
  public static final int DEFAULT_MAX_TRIES = 3;

  /** The name of a policy that was given none. */
  public static final String DEFAULT_NAME = "default";

  /** Log level of the line written before each back-off sleep: a retry is not news. */
  public static final System.Logger.Level DEFAULT_BACKOFF_LOG_LEVEL = System.Logger.Level.DEBUG;

  /**
   * Log level of the line written when a call gives up and its failure reaches the caller (calls
   * saved by a fallback and calls an open breaker rejected before any attempt reached the target
   * log at DEBUG).
   */
  public static final System.Logger.Level DEFAULT_GIVE_UP_LOG_LEVEL = System.Logger.Level.WARNING;

  static {
    Pipeline.grantAccess(policy -> policy.pipeline);
  }

  private static final RetryPolicy DEFAULTS = builder().build();

  private final RetrySettings settings;
  private final RetryCondition condition;
  private final List<List<RetryListener>> listeners;
  private final Executor executor;
  private final Pipeline pipeline;

  RetryPolicy(RetrySettings settings) {
    this.settings = settings;
    this.condition = settings.effectiveCondition();
    this.listeners = settings.listenerLists();
    Executor configured = settings.executor;
    this.executor = configured != null ? configured : Engine.defaultExecutor();
    this.pipeline = Pipeline.compile(this, listeners, settings.checksResults());
  }

  /** A new builder with every setting at its default. Builders are not thread-safe. */
  public static RetryPolicyBuilder builder() {
    return new RetryPolicyBuilder();
  }

  /** The policy with every setting at its default (3 attempts, expo wait, full jitter). */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder pre-filled with this policy's settings, to derive a changed copy. */
  public RetryPolicyBuilder toBuilder() {
    return new RetryPolicyBuilder(settings.copy());
  }

  /** The engine's compiled form of this policy. */
  Pipeline pipeline() {
    return pipeline;
  }

  /** The policy's name, used in events, logs and metrics; {@value #DEFAULT_NAME} by default. */
  public String name() {
    return settings.name;
  }

  /** The wait strategy. */
  public Wait waitStrategy() {
    return settings.wait;
  }

  /** The jitter applied to the strategy's waits. */
  public Jitter jitter() {
    return settings.jitter;
  }

  /**
   * The attempt limit, {@code 0} when unlimited or given by a supplier; {@value #DEFAULT_MAX_TRIES}
   * when no stop condition of any kind was configured.
   */
  public int maxTries() {
    return settings.anyStop() ? settings.maxTries : DEFAULT_MAX_TRIES;
  }

  /** The attempt limit supplier evaluated at each decision, if one was given. */
  public @Nullable IntSupplier maxTriesSupplier() {
    return settings.maxTriesSupplier;
  }

  /** The time after which no new attempt starts, in nanoseconds; {@code -1} when unset. */
  public long maxTimeNanos() {
    return nanosOrUnset(settings.maxTime);
  }

  /** The time-limit supplier evaluated at each decision, if one was given. */
  public @Nullable Supplier<Duration> maxTimeSupplier() {
    return settings.maxTimeSupplier;
  }

  /** The custom stop condition, if any (checked in addition to maxTries and maxTime). */
  public @Nullable Stop stop() {
    return settings.stop;
  }

  /** The retry condition for failures and values. */
  public RetryCondition retryCondition() {
    return condition;
  }

  /**
   * The failure types retried (subtypes included) as {@link RetryPolicyBuilder#retryOn} set them;
   * empty when none were set (then {@link #retryCondition()} decides alone).
   */
  public List<Class<? extends Throwable>> retryOn() {
    return List.of(settings.retryOn);
  }

  /** The predicate on returned values that asks for another attempt, if one was set. */
  public @Nullable Predicate<? super @Nullable Object> retryIfResult() {
    return settings.retryIfResult;
  }

  /** Failure types that end the call at once, whatever the retry condition says. */
  public List<Class<? extends Throwable>> abortOn() {
    return List.of(settings.abortOn);
  }

  /** The give-up predicate, if any. */
  public @Nullable Predicate<? super Throwable> giveUpIf() {
    return settings.giveUpIf;
  }

  /**
   * What the give-up line says when {@link #giveUpIf()} matched; {@code "giveUpIf matched"} unless
   * the builder was given a reason.
   */
  public String giveUpIfReason() {
    return settings.giveUpIfReason;
  }

  /**
   * {@code reason} in this policy's words, as its give-up line and {@link
   * RetryEvent#giveUpDescription()} say it: {@link #giveUpIfReason()} for {@link
   * GiveUpReason#GIVE_UP_PREDICATE}, else {@link GiveUpReason#description()}.
   */
  public String describe(GiveUpReason reason) {
    return reason == GiveUpReason.GIVE_UP_PREDICATE
        ? settings.giveUpIfReason
        : reason.description();
  }

  /** The wait override (e.g. from a Retry-After header), if any. */
  public @Nullable Function<? super Throwable, ? extends @Nullable Duration> waitOverride() {
    return settings.waitOverride;
  }

  /** The fallback computing the value returned on giving up, if any. */
  public @Nullable Fallback fallback() {
    return settings.fallback;
  }

  /** Whether giving up throws ({@code true}, default) or returns the last value / null. */
  public boolean raiseOnGiveUp() {
    return settings.raiseOnGiveUp;
  }

  /**
   * Whether a {@code supplyAsync} attempt waits for a slot held by the policy's abandoned attempts
   * ({@code true}, default) or fails with {@link AttemptsStillRunningException}; see {@link
   * RetryPolicyBuilder#waitForAbandonedAttempts}.
   */
  public boolean waitForAbandonedAttempts() {
    return settings.waitForAbandonedAttempts;
  }

  /** The listeners registered for one hook, in registration order (unmodifiable, no copy). */
  public List<RetryListener> listeners(EventType type) {
    return listeners.get(type.ordinal());
  }

  /** The clock measuring elapsed time. */
  public Clock clock() {
    return settings.clock;
  }

  /** The sleeper performing back-off waits. */
  public Sleeper sleeper() {
    return settings.sleeper;
  }

  /** The random source for jitter and random waits; {@code ThreadLocalRandom} when not set. */
  public RandomGenerator random() {
    RandomGenerator r = settings.random;
    return r != null ? r : java.util.concurrent.ThreadLocalRandom.current();
  }

  /** Level of the back-off log line; {@code OFF} disables it. */
  public System.Logger.Level backoffLogLevel() {
    return settings.backoffLogLevel;
  }

  /** Level of the give-up log line; {@code OFF} disables it. */
  public System.Logger.Level giveUpLogLevel() {
    return settings.giveUpLogLevel;
  }

  /**
   * Whether {@link Retrying#statistics()} records each call (off by default: it costs a clock
   * read).
   */
  public boolean statistics() {
    return settings.statistics;
  }

  /** Whether this policy retries at all; when false every call runs its target exactly once. */
  public boolean enabled() {
    return settings.enabled;
  }

  /** The per-attempt timeout in nanoseconds; {@code -1} when unset. */
  public long attemptTimeoutNanos() {
    return nanosOrUnset(settings.attemptTimeout);
  }

  /** The whole-call deadline in nanoseconds; {@code -1} when unset. */
  public long deadlineNanos() {
    return nanosOrUnset(settings.deadline);
  }

  /** The scheduler for async waits, timeouts and deadlines. */
  public Scheduler scheduler() {
    return settings.scheduler;
  }

  /** The executor for async attempts and blocking work moved off the caller's thread. */
  public Executor executor() {
    return executor;
  }

  /** The circuit breaker guarding each attempt (each hedged copy), if any. */
  public @Nullable CircuitBreaker circuitBreaker() {
    return settings.circuitBreaker;
  }

  /**
   * Whether a rejected call ({@link io.backon.breaker.CircuitOpenException}) is retried. Default
   * {@code false}.
   */
  public boolean retryOnCircuitOpen() {
    return settings.retryOnCircuitOpen;
  }

  /** The hedging applied to each attempt, if any. */
  public @Nullable HedgingPolicy hedging() {
    return settings.hedging;
  }

  /** The retry budget spent by retries and hedges, if any. */
  public @Nullable RetryBudget retryBudget() {
    return settings.retryBudget;
  }

  /**
   * The instrumentation told about every call and attempt; {@link RetryInstrumentation#NONE} by
   * default.
   */
  public RetryInstrumentation instrumentation() {
    return settings.instrumentation;
  }

  /** {@code -1} for an unset duration, else its nanoseconds (the builder checked the range). */
  private static long nanosOrUnset(@Nullable Duration duration) {
    return duration == null ? -1L : duration.toNanos();
  }

  @Override
  public String toString() {
    RetrySettings s = settings;
    StringBuilder sb = new StringBuilder("RetryPolicy{name=").append(s.name);
    if (maxTries() > 0) {
      sb.append(", maxTries=").append(maxTries());
    }
    if (s.maxTriesSupplier != null) {
      sb.append(", maxTries=<supplier>");
    }
    if (s.maxTime != null) {
      sb.append(", maxTime=").append(s.maxTime);
    }
    if (s.maxTimeSupplier != null) {
      sb.append(", maxTime=<supplier>");
    }
    if (s.stop != null) {
      sb.append(", stop=").append(s.stop);
    }
    sb.append(", wait=")
        .append(s.wait)
        .append(", jitter=")
        .append(s.jitter)
        .append(", retryIf=")
        .append(condition);
    if (s.abortOn.length > 0) {
      sb.append(", abortOn=").append(Arrays.stream(s.abortOn).map(Class::getSimpleName).toList());
    }
    if (s.attemptTimeout != null) {
      sb.append(", attemptTimeout=").append(s.attemptTimeout);
    }
    if (s.deadline != null) {
      sb.append(", deadline=").append(s.deadline);
    }
    if (s.circuitBreaker != null) {
      sb.append(", circuitBreaker=").append(s.circuitBreaker.name());
    }
    if (s.hedging != null) {
      sb.append(", hedging=").append(s.hedging);
    }
    if (s.retryBudget != null) {
      sb.append(", retryBudget=").append(s.retryBudget.name());
    }
    if (s.instrumentation != RetryInstrumentation.NONE) {
      sb.append(", instrumentation=").append(s.instrumentation);
    }
    if (!s.enabled) {
      sb.append(", disabled");
    }
    return sb.append('}').toString();
  }
}
