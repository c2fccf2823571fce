package io.backon.breaker;

import io.backon.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The immutable settings of a {@link CircuitBreaker}, without its name and listeners, so that one
 * config can serve many breakers (see {@link CircuitBreakerRegistry}). Built by {@link
 * CircuitBreakerBuilder#buildConfig()}. Thread-safe.
 *
 * <p>Opening rules in CLOSED (whichever trips first): {@link #failureThreshold()} consecutive
 * failures; with a sliding window, once it holds {@link #minimumCalls()} calls, a failure rate of
 * at least {@link #failureRateThreshold()} percent or a slow-call rate of at least {@link
 * #slowCallRateThreshold()} percent.
 */
public final class CircuitBreakerConfig {

  /** Consecutive failures that open a breaker without a sliding window. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 5;

  /** How long an OPEN breaker rejects calls before admitting trials. */
  public static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofSeconds(60);

  /** Trial calls admitted at once in HALF_OPEN. */
  public static final int DEFAULT_HALF_OPEN_MAX_CALLS = 1;

  /** Successful trial calls that close a HALF_OPEN breaker. */
  public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

  /** Calls a sliding window must hold before its rates are judged. */
  public static final int DEFAULT_MINIMUM_CALLS = 10;

  /** Failure rate, in percent, that opens a breaker with a sliding window. */
  public static final double DEFAULT_FAILURE_RATE_THRESHOLD = 50.0;

  /** Slow-call rate, in percent, that opens a breaker with slow-call detection. */
  public static final double DEFAULT_SLOW_CALL_RATE_THRESHOLD = 100.0;

  /** The longest time-based window, in seconds (one day). */
  public static final int MAX_TIME_WINDOW_SECONDS = 86_400;

  /** The largest count-based window, in calls (the window holds 4 bytes per call: 4 MB). */
  public static final int MAX_COUNT_WINDOW_CALLS = 1_000_000;

  /** Open times are capped here so that clock arithmetic cannot overflow (about 146 years). */
  private static final long MAX_OPEN_NANOS = Long.MAX_VALUE >> 1;

  private static final CircuitBreakerConfig DEFAULTS =
      new CircuitBreakerBuilder("default").buildConfig();

  private final BreakerSettings settings;
  // Effective values, derived once from the settings.
  private final int failureThreshold;
  private final int minimumCalls;
  private final double failureRateThreshold;
  private final long slowCallNanos;
  private final double slowCallRateThreshold;
  private final Duration maxRecoveryTimeout;
  private final long recoveryNanos;
  private final long maxRecoveryNanos;

  CircuitBreakerConfig(BreakerSettings settings) {
    this.settings = settings;
    boolean windowed = settings.windowType != SlidingWindowType.NONE;
    Integer threshold = settings.failureThreshold;
    this.failureThreshold =
        threshold != null ? threshold : windowed ? 0 : DEFAULT_FAILURE_THRESHOLD;
    Integer minimum = settings.minimumCalls;
    int minimumOrDefault = minimum != null ? minimum : DEFAULT_MINIMUM_CALLS;
    this.minimumCalls =
        settings.windowType == SlidingWindowType.COUNT_BASED
            ? Math.min(minimumOrDefault, settings.windowSize)
            : windowed ? minimumOrDefault : 0;
    Double rate = settings.failureRateThreshold;
    this.failureRateThreshold = rate != null ? rate : DEFAULT_FAILURE_RATE_THRESHOLD;
    Duration slowCall = settings.slowCallDuration;
    this.slowCallNanos = slowCall == null ? 0L : slowCall.toNanos();
    Double slowRate = settings.slowCallRateThreshold;
    this.slowCallRateThreshold = slowRate != null ? slowRate : DEFAULT_SLOW_CALL_RATE_THRESHOLD;
    Duration max = settings.maxRecoveryTimeout;
    this.maxRecoveryTimeout = max != null ? max : settings.recoveryTimeout;
    // The builder keeps every duration within Long.MAX_VALUE nanoseconds (Checks.positive).
    this.recoveryNanos = settings.recoveryTimeout.toNanos();
    this.maxRecoveryNanos = maxRecoveryTimeout.toNanos();
  }

  /**
   * The config with every setting at its default (5 consecutive failures, 60 s open, no window).
   */
  public static CircuitBreakerConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Consecutive failures in CLOSED that open the breaker; {@code 0} when the rule is off because a
   * sliding window replaced it and no threshold was set. Default {@value
   * #DEFAULT_FAILURE_THRESHOLD}.
   */
  public int failureThreshold() {
    return failureThreshold;
  }

  /** The kind of sliding window; {@link SlidingWindowType#NONE} by default. */
  public SlidingWindowType slidingWindowType() {
    return settings.windowType;
  }

  /** The window's size: calls (count-based) or seconds (time-based); {@code 0} without a window. */
  public int slidingWindowSize() {
    return settings.windowSize;
  }

  /** Calls the window must hold before rates are judged (capped at a count window's size). */
  public int minimumCalls() {
    return minimumCalls;
  }

  /** Failure rate in percent that opens the breaker (with a window). */
  public double failureRateThreshold() {
    return failureRateThreshold;
  }

  /** The duration from which a call is slow; empty when slow-call detection is off. */
  public Optional<Duration> slowCallDuration() {
    return Optional.ofNullable(settings.slowCallDuration);
  }

  /** Slow-call rate in percent that opens the breaker (with slow-call detection). */
  public double slowCallRateThreshold() {
    return slowCallRateThreshold;
  }

  /** The open time after the first trip. Default 60 s. */
  public Duration recoveryTimeout() {
    return settings.recoveryTimeout;
  }

  /** Growth factor of the open time per consecutive trip; {@code 1} (no growth) by default. */
  public double recoveryBackoffMultiplier() {
    return settings.recoveryMultiplier;
  }

  /** The longest open time; equals {@link #recoveryTimeout()} unless a backoff was set. */
  public Duration maxRecoveryTimeout() {
    return maxRecoveryTimeout;
  }

  /** Trial calls admitted at once in HALF_OPEN. Default {@value #DEFAULT_HALF_OPEN_MAX_CALLS}. */
  public int halfOpenMaxCalls() {
    return settings.halfOpenMaxCalls;
  }

  /**
   * Trial successes that close a HALF_OPEN breaker. Default {@value #DEFAULT_SUCCESS_THRESHOLD}.
   */
  public int successThreshold() {
    return settings.successThreshold;
  }

  /** Failure types that count as failures; {@code [Exception]} by default. */
  public List<Class<? extends Throwable>> recordOn() {
    return List.of(settings.recordOn);
  }

  /** Failure types that count as nothing; empty by default. */
  public List<Class<? extends Throwable>> ignoreOn() {
    return List.of(settings.ignoreOn);
  }

  /** The predicate marking returned values as failures; empty when every value succeeds. */
  public Optional<Predicate<? super @Nullable Object>> recordResult() {
    return Optional.ofNullable(settings.recordResult);
  }

  /** The clock measuring open times, slow calls and time windows. */
  public Clock clock() {
    return settings.clock;
  }

  /** A copy of the settings, for a builder to go on from. */
  BreakerSettings settings() {
    return settings.copy();
  }

  /** Slow-call threshold in nanoseconds; {@code 0} when off. */
  long slowCallNanos() {
    return slowCallNanos;
  }

  boolean isIgnored(Throwable failure) {
    return matches(settings.ignoreOn, failure);
  }

  boolean isRecorded(Throwable failure) {
    return matches(settings.recordOn, failure);
  }

  boolean isFailureResult(@Nullable Object result) {
    Predicate<? super @Nullable Object> predicate = settings.recordResult;
    return predicate != null && predicate.test(result);
  }

  /** The open time of the {@code trips}-th consecutive trip (1-based), in nanoseconds. */
  long openNanos(int trips) {
    double recoveryMultiplier = settings.recoveryMultiplier;
    if (trips <= 1 || recoveryMultiplier == 1.0) { // the builder ensures max >= recoveryTimeout
      return Math.min(recoveryNanos, MAX_OPEN_NANOS);
    }
    long cap = Math.min(maxRecoveryNanos, MAX_OPEN_NANOS);
    double grown = recoveryNanos * Math.pow(recoveryMultiplier, trips - 1);
    return grown >= cap ? cap : (long) grown;
  }

  private static boolean matches(Class<? extends Throwable>[] types, Throwable failure) {
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "CircuitBreakerConfig{failureThreshold="
        + failureThreshold
        + ", window="
        + settings.windowType
        + (settings.windowSize > 0 ? "(" + settings.windowSize + ")" : "")
        + ", minimumCalls="
        + minimumCalls
        + ", failureRateThreshold="
        + failureRateThreshold
        + ", slowCallDuration="
        + settings.slowCallDuration
        + ", slowCallRateThreshold="
        + slowCallRateThreshold
        + ", recoveryTimeout="
        + settings.recoveryTimeout
        + ", recoveryBackoffMultiplier="
        + settings.recoveryMultiplier
        + ", maxRecoveryTimeout="
        + maxRecoveryTimeout
        + ", halfOpenMaxCalls="
        + settings.halfOpenMaxCalls
        + ", successThreshold="
        + settings.successThreshold
        + ", recordOn="
        + recordOn()
        + ", ignoreOn="
        + ignoreOn()
        + ", recordResult="
        + (settings.recordResult != null)
        + ", clock="
        + settings.clock
        + '}';
  }
}
