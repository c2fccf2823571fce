package io.backon;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.budget.RetryBudget;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.stop.Stop;
import io.backon.internal.DefaultExecutors;
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
   * saved by a fallback and calls rejected by an open breaker log at DEBUG).
   */
  public static final System.Logger.Level DEFAULT_GIVE_UP_LOG_LEVEL = System.Logger.Level.WARNING;

  private static final RetryPolicy DEFAULTS = builder().build();

  private final RetryPolicyBuilder source;
  private final String name;
  private final Wait wait;
  private final Jitter jitter;
  private final int maxTries;
  private final @Nullable IntSupplier maxTriesSupplier;
  private final long maxTimeNanos;
  private final @Nullable Supplier<Duration> maxTimeSupplier;
  private final @Nullable Stop stop;
  private final RetryCondition condition;
  private final boolean checksResults;
  private final Class<? extends Throwable>[] abortOn;
  private final @Nullable Predicate<? super Throwable> giveUpIf;
  private final @Nullable Function<? super Throwable, ? extends @Nullable Duration> waitOverride;
  private final @Nullable Fallback fallback;
  private final boolean raiseOnGiveUp;
  private final List<List<RetryListener>> listeners;
  private final boolean hasListeners;
  private final Clock clock;
  private final Sleeper sleeper;
  private final @Nullable RandomGenerator random;
  private final System.Logger.Level backoffLogLevel;
  private final System.Logger.Level giveUpLogLevel;
  private final boolean statistics;
  private final boolean enabled;
  private final boolean timed;
  private final long attemptTimeoutNanos;
  private final long deadlineNanos;
  private final Scheduler scheduler;
  private final Executor executor;
  private final @Nullable CircuitBreaker circuitBreaker;
  private final boolean retryOnCircuitOpen;
  private final @Nullable HedgingPolicy hedging;
  private final @Nullable RetryBudget retryBudget;
  private final RetryInstrumentation instrumentation;
  private final boolean instrumented;

  RetryPolicy(RetryPolicyBuilder b) {
    this.source = b.copy();
    this.name = b.name;
    this.wait = b.wait;
    this.jitter = b.jitter;
    boolean anyStop = b.maxTries > 0 || b.maxTriesSupplier != null || b.maxTime != null
        || b.maxTimeSupplier != null || b.stop != null;
    this.maxTries = anyStop ? b.maxTries : DEFAULT_MAX_TRIES;
    this.maxTriesSupplier = b.maxTriesSupplier;
    this.maxTimeNanos = b.maxTime == null ? -1L : b.maxTime.toNanos();
    this.maxTimeSupplier = b.maxTimeSupplier;
    this.stop = b.stop;
    this.condition = b.effectiveCondition();
    this.checksResults = b.checksResults();
    this.abortOn = b.abortOn.clone();
    this.giveUpIf = b.giveUpIf;
    this.waitOverride = b.waitOverride;
    this.fallback = b.fallback;
    this.raiseOnGiveUp = b.raiseOnGiveUp;
    this.listeners = b.listenerLists();
    boolean any = false;
    for (List<RetryListener> l : listeners) {
      any |= !l.isEmpty();
    }
    this.hasListeners = any;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.random = b.random;
    this.backoffLogLevel = b.backoffLogLevel;
    this.giveUpLogLevel = b.giveUpLogLevel;
    this.statistics = b.statistics;
    this.enabled = b.enabled;
    this.attemptTimeoutNanos = b.attemptTimeout == null ? -1L : b.attemptTimeout.toNanos();
    this.deadlineNanos = b.deadline == null ? -1L : b.deadline.toNanos();
    this.scheduler = b.scheduler;
    this.executor = b.executor != null ? b.executor : DefaultExecutors.blocking();
    this.circuitBreaker = b.circuitBreaker;
    this.retryOnCircuitOpen = b.retryOnCircuitOpen;
    this.hedging = b.hedging;
    this.retryBudget = b.retryBudget;
    this.instrumentation = b.instrumentation;
    this.instrumented = instrumentation != RetryInstrumentation.NONE;
    this.timed = statistics || instrumented || hasListeners || fallback != null || stop != null
        || maxTimeNanos >= 0 || maxTimeSupplier != null || deadlineNanos >= 0
        || hedging != null || attemptTimeoutNanos >= 0;

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
    return source.copy();
  }

  /** The policy's name, used in events, logs and metrics; {@value #DEFAULT_NAME} by default. */
  public String name() {
    return name;
  }

  /** The wait strategy. */
  public Wait waitStrategy() {
    return wait;
  }

  /** The jitter applied to the strategy's waits. */
  public Jitter jitter() {
    return jitter;
  }

  /**
   * The attempt limit, {@code 0} when unlimited or given by a supplier; {@value #DEFAULT_MAX_TRIES}
   * when no stop condition of any kind was configured.
   */
  public int maxTries() {
    return maxTries;
  }

  /** The attempt limit supplier evaluated at each decision, if one was given. */
  public @Nullable IntSupplier maxTriesSupplier() {
    return maxTriesSupplier;
  }

  /** The time after which no new attempt starts, in nanoseconds; {@code -1} when unset. */
  public long maxTimeNanos() {
    return maxTimeNanos;
  }

  /** The time-limit supplier evaluated at each decision, if one was given. */
  public @Nullable Supplier<Duration> maxTimeSupplier() {
    return maxTimeSupplier;
  }

  /** The custom stop condition, if any (checked in addition to maxTries and maxTime). */
  public @Nullable Stop stop() {
    return stop;
  }

  /** The retry condition for failures and values. */
  public RetryCondition retryCondition() {
    return condition;
  }

  /** Whether values (not only failures) are tested by the retry condition. */
  public boolean checksResults() {
    return checksResults;
  }

  /** Failure types that end the call at once, whatever the retry condition says. */
  public List<Class<? extends Throwable>> abortOn() {
    return List.of(abortOn);
  }

  /**
   * Whether a failure ends the call at once whatever the retry condition says: one of the {@link
   * #abortOn()} types, or a {@link CircuitOpenException} unless {@link #retryOnCircuitOpen()}.
   * Allocation-free.
   */
  public boolean aborts(Throwable failure) {
    if (failure instanceof CircuitOpenException && !retryOnCircuitOpen) {
      return true;
    }
    for (Class<? extends Throwable> type : abortOn) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  /** The give-up predicate, if any. */
  public @Nullable Predicate<? super Throwable> giveUpIf() {
    return giveUpIf;
  }

  /** The wait override (e.g. from a Retry-After header), if any. */
  public @Nullable Function<? super Throwable, ? extends @Nullable Duration> waitOverride() {
    return waitOverride;
  }

  /** The fallback computing the value returned on giving up, if any. */
  public @Nullable Fallback fallback() {
    return fallback;
  }

  /** Whether giving up throws ({@code true}, default) or returns the last value / null. */
  public boolean raiseOnGiveUp() {
    return raiseOnGiveUp;
  }

  /** The listeners registered for one hook, in registration order (unmodifiable, no copy). */
  public List<RetryListener> listeners(EventType type) {
    return listeners.get(type.ordinal());
  }

  /** Whether any listener is registered. */
  public boolean hasListeners() {
    return hasListeners;
  }

  /** The clock measuring elapsed time. */
  public Clock clock() {
    return clock;
  }

  /** The sleeper performing back-off waits. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** The random source for jitter and random waits; {@code ThreadLocalRandom} when not set. */
  public RandomGenerator random() {
    RandomGenerator r = random;
    return r != null ? r : java.util.concurrent.ThreadLocalRandom.current();
  }

  /** Level of the back-off log line; {@code OFF} disables it. */
  public System.Logger.Level backoffLogLevel() {
    return backoffLogLevel;
  }

  /** Level of the give-up log line; {@code OFF} disables it. */
  public System.Logger.Level giveUpLogLevel() {
    return giveUpLogLevel;
  }

  /** Whether {@link Retrying#statistics()} records each call (off by default: it costs a clock read). */
  public boolean statistics() {
    return statistics;
  }

  /** Whether this policy retries at all; when false every call runs its target exactly once. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Whether a call needs its start time: time limits, listeners, statistics, instrumentation,
   * fallback, hedging or an attempt timeout. A circuit breaker alone does not (it reads the clock
   * itself, and only for slow-call detection); like any untimed policy, its call's elapsed time
   * is then counted from the end of the first attempt once that attempt fails.
   */
  public boolean timed() {
    return timed;
  }

  /** The per-attempt timeout in nanoseconds; {@code -1} when unset. */
  public long attemptTimeoutNanos() {
    return attemptTimeoutNanos;
  }

  /** The whole-call deadline in nanoseconds; {@code -1} when unset. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** The scheduler for async waits, timeouts and deadlines. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** The executor for async attempts and blocking work moved off the caller's thread. */
  public Executor executor() {
    return executor;
  }

  /** The circuit breaker guarding each attempt (each hedged copy), if any. */
  public @Nullable CircuitBreaker circuitBreaker() {
    return circuitBreaker;
  }

  /** Whether a rejected call ({@link CircuitOpenException}) is retried. Default {@code false}. */
  public boolean retryOnCircuitOpen() {
    return retryOnCircuitOpen;
  }

  /** The hedging applied to each attempt, if any. */
  public @Nullable HedgingPolicy hedging() {
    return hedging;
  }

  /** The retry budget spent by retries and hedges, if any. */
  public @Nullable RetryBudget retryBudget() {
    return retryBudget;
  }

  /**
   * The instrumentation told about every call and attempt; {@link RetryInstrumentation#NONE} by
   * default.
   */
  public RetryInstrumentation instrumentation() {
    return instrumentation;
  }

  /** Whether an instrumentation other than {@link RetryInstrumentation#NONE} is set. */
  public boolean instrumented() {
    return instrumented;
  }

  /** Whether attempts pass through a breaker, hedging or an attempt timeout. */
  public boolean hasAttemptPipeline() {
    return circuitBreaker != null || hedging != null || attemptTimeoutNanos >= 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RetryPolicy{name=").append(name);
    if (maxTries > 0) {
      sb.append(", maxTries=").append(maxTries);
    }
    if (maxTriesSupplier != null) {
      sb.append(", maxTries=<supplier>");
    }
    if (maxTimeNanos >= 0) {
      sb.append(", maxTime=").append(Duration.ofNanos(maxTimeNanos));
    }
    if (maxTimeSupplier != null) {
      sb.append(", maxTime=<supplier>");
    }
    if (stop != null) {
      sb.append(", stop=").append(stop);
    }
    sb.append(", wait=").append(wait).append(", jitter=").append(jitter)
        .append(", retryIf=").append(condition);
    if (abortOn.length > 0) {
      sb.append(", abortOn=").append(Arrays.stream(abortOn).map(Class::getSimpleName).toList());
    }
    if (attemptTimeoutNanos >= 0) {
      sb.append(", attemptTimeout=").append(Duration.ofNanos(attemptTimeoutNanos));
    }
    if (deadlineNanos >= 0) {
      sb.append(", deadline=").append(Duration.ofNanos(deadlineNanos));
    }
    if (circuitBreaker != null) {
      sb.append(", circuitBreaker=").append(circuitBreaker.name());
    }
    if (hedging != null) {
      sb.append(", hedging=").append(hedging);
    }
    if (retryBudget != null) {
      sb.append(", retryBudget=").append(retryBudget.name());
    }
    if (instrumented) {
      sb.append(", instrumentation=").append(instrumentation);
    }
    if (!enabled) {
      sb.append(", disabled");
    }
    return sb.append('}').toString();
  }
}
