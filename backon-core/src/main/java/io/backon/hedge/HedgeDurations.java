package io.backon.hedge;

import java.time.Duration;
import java.util.Objects;

/** Duration checks and conversions shared by the hedging types. Not API. */
final class HedgeDurations {

  private HedgeDurations() {}

  /**
   * Checks that {@code value} is not null and not negative and returns it in nanoseconds, saturated
   * at {@link Long#MAX_VALUE} (about 292 years) instead of overflowing.
   *
   * @throws IllegalArgumentException {@code "<name> must be >= 0 but was <value>"}
   */
  static long nonNegativeNanos(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
    }
    try {
      return value.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
