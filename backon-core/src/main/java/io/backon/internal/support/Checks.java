package io.backon.internal.support;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the builders and factories, with messages that name the parameter, show
 * the value and state the rule. Every duration setting must fit in a {@code long} of nanoseconds
 * (at most {@link #MAX_DURATION}, about 292 years), so no later conversion overflows. Not API.
 */
public final class Checks {

  /** The longest duration a setting may have: {@code Long.MAX_VALUE} nanoseconds, ~292 years. */
  public static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);

  private Checks() {}

  /**
   * {@code value}, if positive and at most {@link #MAX_DURATION}: {@code "deadline must be > 0 but
   * was PT0S"}.
   */
  public static Duration positive(String parameter, Duration value) {
    Objects.requireNonNull(value, parameter);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(parameter + " must be > 0 but was " + value);
    }
    return notTooLong(parameter, value);
  }

  /**
   * {@code value}, if not negative and at most {@link #MAX_DURATION}: {@code "max must be >= 0 but
   * was PT-1S"}.
   */
  public static Duration nonNegative(String parameter, Duration value) {
    Objects.requireNonNull(value, parameter);
    if (value.isNegative()) {
      throw new IllegalArgumentException(parameter + " must be >= 0 but was " + value);
    }
    return notTooLong(parameter, value);
  }

  /**
   * {@code value}, if in {@code [min, max]}: {@code "countBasedWindow must be >= 1 but was 0"},
   * {@code "countBasedWindow must be <= 1000000 but was 2147483647"}.
   */
  public static int between(String parameter, int value, int min, int max) {
    if (value < min) {
      throw new IllegalArgumentException(parameter + " must be >= " + min + " but was " + value);
    }
    if (value > max) {
      throw new IllegalArgumentException(parameter + " must be <= " + max + " but was " + value);
    }
    return value;
  }

  /**
   * A defensive copy of {@code types}, which must hold at least one non-null exception type: {@code
   * "retryOn needs at least one exception type"}, {@code "retryOn[1]"}.
   */
  public static Class<? extends Throwable>[] exceptionTypes(
      String parameter, Class<? extends Throwable>[] types) {
    Objects.requireNonNull(types, parameter);
    if (types.length == 0) {
      throw new IllegalArgumentException(parameter + " needs at least one exception type");
    }
    for (int i = 0; i < types.length; i++) {
      Objects.requireNonNull(types[i], parameter + "[" + i + "]");
    }
    return types.clone();
  }

  private static Duration notTooLong(String parameter, Duration value) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(
          parameter
              + " must be <= "
              + MAX_DURATION
              + " (Long.MAX_VALUE nanoseconds, about 292 years) but was "
              + value);
    }
    return value;
  }
}
