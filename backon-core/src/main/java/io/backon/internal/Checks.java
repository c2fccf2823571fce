package io.backon.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * Argument checks shared by the builders, with messages that name the parameter, show the value and
 * state the rule. Not API.
 */
public final class Checks {

  private Checks() {}

  /** {@code value}, if positive: {@code "deadline must be > 0 but was PT0S"}. */
  public static Duration positive(String parameter, Duration value) {
    Objects.requireNonNull(value, parameter);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(parameter + " must be > 0 but was " + value);
    }
    return value;
  }

  /**
   * A defensive copy of {@code types}, which must hold at least one non-null exception type:
   * {@code "retryOn needs at least one exception type"}, {@code "retryOn[1]"}.
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
}
