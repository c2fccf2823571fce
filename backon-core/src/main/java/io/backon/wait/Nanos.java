package io.backon.wait;

import io.backon.internal.support.Checks;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Saturating nanosecond arithmetic, argument checks and uniform random choice shared by the wait
 * strategies and jitters. Every result stays within {@code [0, Long.MAX_VALUE]} for non-negative
 * inputs: nothing here overflows, wraps around or yields NaN.
 */
final class Nanos {

  /** The longest {@link Duration} that fits in a {@code long} of nanoseconds (about 292 years). */
  static final Duration MAX_DURATION = Checks.MAX_DURATION;

  private Nanos() {}

  /** {@code d} ({@code >= 0}) in nanoseconds, saturated at {@link Long#MAX_VALUE}. */
  static long of(Duration d) {
    return d.compareTo(MAX_DURATION) >= 0 ? Long.MAX_VALUE : d.toNanos();
  }

  /** A user-supplied wait in nanoseconds: {@code null} and negative durations become {@code 0}. */
  static long ofDynamic(@Nullable Duration d) {
    return d == null || d.isNegative() ? 0L : of(d);
  }

  /** {@code nanos} as the ISO-8601 text of a {@link Duration}, for {@code toString()}. */
  static String format(long nanos) {
    return Duration.ofNanos(nanos).toString();
  }

  /**
   * Checks that {@code d} is non-null, not negative and at most {@link #MAX_DURATION}, and returns
   * it in nanoseconds.
   *
   * @throws NullPointerException naming {@code name} if {@code d} is null
   * @throws IllegalArgumentException {@code "<name> must be >= 0 but was <d>"} if {@code d} is
   *     negative, {@code "<name> must be <= PT2562047H47M16.854775807S (...) but was <d>"} if it is
   *     longer
   */
  static long nonNegative(Duration d, String name) {
    return Checks.nonNegative(name, d).toNanos();
  }

  /** Checks that an exponential base is finite and {@code > 1}. */
  static double base(double base, String name) {
    if (!(base > 1.0)) {
      throw new IllegalArgumentException(name + " must be > 1 but was " + base);
    }
    if (Double.isInfinite(base)) {
      throw new IllegalArgumentException(name + " must be finite but was " + base);
    }
    return base;
  }

  /** Checks that {@code upper >= lower}; both are already validated durations in nanoseconds. */
  static void ordered(long lowerNanos, String lowerName, long upperNanos, String upperName) {
    if (upperNanos < lowerNanos) {
      throw new IllegalArgumentException(
          upperName
              + " must be >= "
              + lowerName
              + " ("
              + format(lowerNanos)
              + ") but was "
              + format(upperNanos));
    }
  }

  /** {@code a + b} for non-negative operands, saturated at {@link Long#MAX_VALUE}. */
  static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  /** {@code a * b} for non-negative operands, saturated at {@link Long#MAX_VALUE}. */
  static long multiply(long a, long b) {
    long low = a * b;
    return Math.multiplyHigh(a, b) != 0 || low < 0 ? Long.MAX_VALUE : low;
  }

  /** {@code max(0, value)}. */
  static long clamp(long value) {
    return Math.max(0L, value);
  }

  /**
   * The exponent of a wait after attempt {@code attemptNumber}: {@code attemptNumber - 1}, at least
   * 0.
   */
  static int exponent(int attemptNumber) {
    return Math.max(0, attemptNumber - 1);
  }

  /**
   * {@code min(factor * base^n, cap)} in nanoseconds, computed in {@code double} and clamped, so
   * huge exponents yield the cap rather than infinity, NaN or a negative number.
   *
   * @param factorNanos {@code >= 0}
   * @param base {@code > 1} and finite
   * @param n {@code >= 0}
   * @param capNanos {@code >= 0}
   */
  static long scaledPower(long factorNanos, double base, int n, long capNanos) {
    if (factorNanos == 0 || capNanos == 0) {
      return 0L;
    }
    double value = factorNanos * Math.pow(base, n);
    if (!(value < capNanos)) { // also true for NaN and +infinity
      return capNanos;
    }
    return Math.min(capNanos, Math.round(value));
  }

  /**
   * A uniformly distributed value in {@code [lower, upper]} (both inclusive), or {@code lower} if
   * {@code upper <= lower}.
   *
   * @param lower {@code >= 0}
   */
  static long uniform(RandomGenerator random, long lower, long upper) {
    if (upper <= lower) {
      return lower;
    }
    long span = upper - lower; // > 0 and no overflow, since lower >= 0
    if (span == Long.MAX_VALUE) { // lower == 0, upper == Long.MAX_VALUE: any non-negative long
      return random.nextLong() >>> 1;
    }
    return lower + random.nextLong(span + 1);
  }
}
