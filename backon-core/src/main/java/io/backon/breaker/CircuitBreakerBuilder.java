package io.backon.breaker;

import io.backon.internal.support.Checks;
import io.backon.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link CircuitBreaker} (or just its {@link CircuitBreakerConfig}). Every setter
 * validates at once and names the parameter, its value and the rule; {@link #build()} checks
 * combinations. Defaults are the {@code DEFAULT_*} constants of {@link CircuitBreakerConfig}. Not
 * thread-safe; the breakers and configs it builds are.
 */
public final class CircuitBreakerBuilder {

  String name;
  BreakerSettings settings = new BreakerSettings();
  final List<Consumer<CircuitStateTransition>> listeners = new ArrayList<>();

  CircuitBreakerBuilder(String name) {
    this.name = checkName(name);
  }

  /**
   * Opens the breaker after this many consecutive failures in CLOSED; must be >= 1. Default {@value
   * CircuitBreakerConfig#DEFAULT_FAILURE_THRESHOLD}, but when a sliding window is configured and
   * this is not set, only the window's rate rules apply.
   */
  public CircuitBreakerBuilder failureThreshold(int failures) {
    settings.failureThreshold = atLeastOne("failureThreshold", failures);
    return this;
  }

  /**
   * Judges failure and slow-call rates over the last {@code calls} recorded calls, from 1 to
   * {@value CircuitBreakerConfig#MAX_COUNT_WINDOW_CALLS}.
   */
  public CircuitBreakerBuilder countBasedWindow(int calls) {
    settings.windowSize =
        Checks.between("countBasedWindow", calls, 1, CircuitBreakerConfig.MAX_COUNT_WINDOW_CALLS);
    settings.windowType = SlidingWindowType.COUNT_BASED;
    return this;
  }

  /**
   * Judges failure and slow-call rates over the calls of the last {@code window}, in whole seconds
   * from 1 s to {@value CircuitBreakerConfig#MAX_TIME_WINDOW_SECONDS} s (one bucket per second).
   */
  public CircuitBreakerBuilder timeBasedWindow(Duration window) {
    Objects.requireNonNull(window, "timeBasedWindow");
    if (window.getNano() != 0
        || window.getSeconds() < 1
        || window.getSeconds() > CircuitBreakerConfig.MAX_TIME_WINDOW_SECONDS) {
      throw new IllegalArgumentException(
          "timeBasedWindow must be whole seconds from 1s to "
              + CircuitBreakerConfig.MAX_TIME_WINDOW_SECONDS
              + "s but was "
              + window);
    }
    settings.windowSize = (int) window.getSeconds();
    settings.windowType = SlidingWindowType.TIME_BASED;
    return this;
  }

  /**
   * Rates are judged only once the window holds this many calls (>= 1; for a count window at most
   * its size is used). Needs a window. Default {@value CircuitBreakerConfig#DEFAULT_MINIMUM_CALLS}.
   */
  public CircuitBreakerBuilder minimumCalls(int calls) {
    settings.minimumCalls = atLeastOne("minimumCalls", calls);
    return this;
  }

  /**
   * Opens the breaker when at least this percentage (0 &lt; p &lt;= 100) of the window's calls
   * failed. Needs a window. Default {@value CircuitBreakerConfig#DEFAULT_FAILURE_RATE_THRESHOLD}.
   */
  public CircuitBreakerBuilder failureRateThreshold(double percent) {
    settings.failureRateThreshold = percent("failureRateThreshold", percent);
    return this;
  }

  /**
   * Calls taking at least this long (> 0, at most about 292 years) are slow. Needs a window.
   * Default: no slow-call rule. A slow trial call in HALF_OPEN counts as a failure.
   */
  public CircuitBreakerBuilder slowCallDuration(Duration duration) {
    settings.slowCallDuration = Checks.positive("slowCallDuration", duration);
    return this;
  }

  /**
   * Opens the breaker when at least this percentage (0 &lt; p &lt;= 100) of the window's calls was
   * slow. Needs {@link #slowCallDuration}. Default {@value
   * CircuitBreakerConfig#DEFAULT_SLOW_CALL_RATE_THRESHOLD}.
   */
  public CircuitBreakerBuilder slowCallRateThreshold(double percent) {
    settings.slowCallRateThreshold = percent("slowCallRateThreshold", percent);
    return this;
  }

  /**
   * How long the breaker stays OPEN before admitting trial calls (> 0, at most about 292 years;
   * open times are capped at about 146 years). Default 60 s.
   */
  public CircuitBreakerBuilder recoveryTimeout(Duration timeout) {
    settings.recoveryTimeout = Checks.positive("recoveryTimeout", timeout);
    return this;
  }

  /**
   * Grows the open time on repeated trips: the n-th consecutive trip stays OPEN for {@code
   * recoveryTimeout * multiplier^(n-1)}, at most {@code maxRecoveryTimeout}. Closing resets the
   * growth. {@code multiplier} must be >= 1 and finite (1 = no growth, the default); {@code
   * maxRecoveryTimeout} > 0 and at most about 292 years.
   */
  public CircuitBreakerBuilder recoveryBackoff(double multiplier, Duration maxRecoveryTimeout) {
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be >= 1 but was " + multiplier);
    }
    settings.maxRecoveryTimeout = Checks.positive("maxRecoveryTimeout", maxRecoveryTimeout);
    settings.recoveryMultiplier = multiplier;
    return this;
  }

  /**
   * At most this many trial calls (>= 1) run at once in HALF_OPEN; others are rejected. Default 1.
   */
  public CircuitBreakerBuilder halfOpenMaxCalls(int calls) {
    settings.halfOpenMaxCalls = atLeastOne("halfOpenMaxCalls", calls);
    return this;
  }

  /** HALF_OPEN closes after this many (>= 1) successful trial calls. Default 1. */
  public CircuitBreakerBuilder successThreshold(int successes) {
    settings.successThreshold = atLeastOne("successThreshold", successes);
    return this;
  }

  /**
   * Only failures of these types count as failures (replaces the default: any {@link Exception});
   * other failures that are not ignored count as successes (the downstream did answer).
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public final CircuitBreakerBuilder recordOn(Class<? extends Throwable>... types) {
    settings.recordOn = Checks.exceptionTypes("recordOn", types);
    return this;
  }

  /**
   * Failures of these types count as neither success nor failure; their permission is released.
   * Ignoring wins over {@link #recordOn}.
   */
  @SafeVarargs
  @SuppressWarnings("varargs")
  public final CircuitBreakerBuilder ignoreOn(Class<? extends Throwable>... types) {
    settings.ignoreOn = Checks.exceptionTypes("ignoreOn", types);
    return this;
  }

  /** Returned values matching this predicate count as failures. Default: every value succeeds. */
  public CircuitBreakerBuilder recordResult(Predicate<? super @Nullable Object> predicate) {
    settings.recordResult = Objects.requireNonNull(predicate, "predicate");
    return this;
  }

  /** The clock for open times, slow calls and time windows. Default {@link Clock#system()}. */
  public CircuitBreakerBuilder clock(Clock clock) {
    settings.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Adds a state-change listener (see {@link CircuitBreaker#onStateChange}); not part of config.
   */
  public CircuitBreakerBuilder onStateChange(Consumer<CircuitStateTransition> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Copies every setting of {@code config} into this builder; name and listeners stay. */
  public CircuitBreakerBuilder config(CircuitBreakerConfig config) {
    settings = Objects.requireNonNull(config, "config").settings();
    return this;
  }

  /**
   * Validates the combination and builds the immutable settings (without name and listeners).
   *
   * @throws IllegalStateException when settings contradict each other
   */
  public CircuitBreakerConfig buildConfig() {
    BreakerSettings s = settings;
    if (s.windowType == SlidingWindowType.NONE) {
      String needy =
          s.minimumCalls != null
              ? "minimumCalls"
              : s.failureRateThreshold != null
                  ? "failureRateThreshold"
                  : s.slowCallDuration != null
                      ? "slowCallDuration"
                      : s.slowCallRateThreshold != null ? "slowCallRateThreshold" : null;
      if (needy != null) {
        throw new IllegalStateException(
            needy
                + " needs a sliding window; call "
                + "countBasedWindow(calls) or timeBasedWindow(duration)");
      }
    }
    if (s.slowCallRateThreshold != null && s.slowCallDuration == null) {
      throw new IllegalStateException("slowCallRateThreshold needs slowCallDuration(duration)");
    }
    Duration max = s.maxRecoveryTimeout;
    if (max != null && max.compareTo(s.recoveryTimeout) < 0) {
      throw new IllegalStateException(
          "maxRecoveryTimeout must be >= recoveryTimeout ("
              + s.recoveryTimeout
              + ") but was "
              + max);
    }
    return new CircuitBreakerConfig(settings.copy());
  }

  /**
   * Builds the breaker, in CLOSED.
   *
   * @throws IllegalStateException when settings contradict each other
   */
  public CircuitBreaker build() {
    return new CircuitBreaker(name, buildConfig(), listeners);
  }

  /** A copy with another name (used by the registry). */
  CircuitBreakerBuilder copy(String newName) {
    CircuitBreakerBuilder c = new CircuitBreakerBuilder(newName);
    c.settings = settings.copy();
    c.listeners.addAll(listeners);
    return c;
  }

  static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return name;
  }

  private static int atLeastOne(String parameter, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(parameter + " must be >= 1 but was " + value);
    }
    return value;
  }

  private static double percent(String parameter, double value) {
    if (!(value > 0.0 && value <= 100.0)) {
      throw new IllegalArgumentException(parameter + " must be > 0 and <= 100 but was " + value);
    }
    return value;
  }
}
