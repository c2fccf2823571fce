package io.backon.stop;

import io.backon.internal.support.Checks;
import java.time.Duration;
import java.util.Objects;

/** Argument checks and saturating arithmetic shared by the stop conditions of this package. */
final class StopChecks {

  /** The longest duration that still fits in a {@code long} of nanoseconds (about 292 years). */
  private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE);

  private StopChecks() {}

  /** Returns {@code attempts} if it is {@code >= 1}; otherwise throws, naming {@code name}. */
  static int attempts(int attempts, String name) {
    if (attempts < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + attempts);
    }
    return attempts;
  }

  /**
   * Returns {@code delay} if non-null, non-negative and at most about 292 years ({@code
   * Long.MAX_VALUE} nanoseconds); otherwise throws, naming {@code name}.
   */
  static Duration delay(Duration delay, String name) {
    Objects.requireNonNull(delay, () -> name + " must not be null");
    return Checks.nonNegative(name, delay);
  }

  /** {@code delay} in nanoseconds, saturating at {@link Long#MAX_VALUE}; {@code delay >= 0}. */
  static long saturatedNanos(Duration delay) {
    return delay.compareTo(MAX_NANOS) >= 0 ? Long.MAX_VALUE : delay.toNanos();
  }

  /** {@code a + b}, clamped to {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE}, never wrapped. */
  static long saturatedAdd(long a, long b) {
    long sum = a + b;
    // Overflow happened iff both operands have the same sign and the sum's sign differs from it.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }

  /** A defensive copy of {@code stops}, rejecting an empty array and null elements. */
  static Stop[] elements(Stop[] stops, String name) {
    Objects.requireNonNull(stops, () -> name + " must not be null");
    if (stops.length == 0) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    Stop[] copy = stops.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
    }
    return copy;
  }
}
