package io.backon.breaker;

import io.backon.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every setting of a circuit breaker, declared once: {@link CircuitBreakerBuilder} fills it, and
 * {@link CircuitBreakerConfig} wraps a {@link #copy()} of it. Null means "not set" where the
 * effective default depends on other settings (e.g. {@code failureThreshold} with a window).
 * Mutable and not thread-safe; a config's copy is never changed. Not API.
 */
final class BreakerSettings implements Cloneable {

  @Nullable Integer failureThreshold;
  SlidingWindowType windowType = SlidingWindowType.NONE;
  int windowSize;
  @Nullable Integer minimumCalls;
  @Nullable Double failureRateThreshold;
  @Nullable Duration slowCallDuration;
  @Nullable Double slowCallRateThreshold;
  Duration recoveryTimeout = CircuitBreakerConfig.DEFAULT_RECOVERY_TIMEOUT;
  double recoveryMultiplier = 1.0;
  @Nullable Duration maxRecoveryTimeout;
  int halfOpenMaxCalls = CircuitBreakerConfig.DEFAULT_HALF_OPEN_MAX_CALLS;
  int successThreshold = CircuitBreakerConfig.DEFAULT_SUCCESS_THRESHOLD;

  /** Never changed in place: a setter replaces the array, so copies may share it. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Class<? extends Throwable>[] recordOn = new Class[] {Exception.class};

  /** Never changed in place, as {@link #recordOn}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Class<? extends Throwable>[] ignoreOn = new Class[0];

  @Nullable Predicate<? super @Nullable Object> recordResult;
  Clock clock = Clock.system();

  /** A copy of every setting. */
  BreakerSettings copy() {
    try {
      return (BreakerSettings) super.clone();
    } catch (CloneNotSupportedException impossible) {
      throw new AssertionError(impossible);
    }
  }
}
