package io.backon.time;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Durations as an operator reads them in a log line: {@code 9.8s}, {@code 22ms}, {@code 350µs},
 * {@code 2m5s}, {@code 1h30m} — never {@code PT9.833601769S}. Below ten of a unit one decimal is
 * kept ({@code 1.5s}), above it the value is rounded to the unit; from a minute on, the two largest
 * units are shown. Backon's log lines and exception messages use it, and so may an application's
 * own. Stateless and thread-safe.
 */
public final class DurationText {

  private static final long MICRO = 1_000L;
  private static final long MILLI = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60L;
  private static final long HOUR = 60L * MINUTE;
  private static final long DAY = 24L * HOUR;

  private DurationText() {}

  /** {@code duration} as text; a duration too long for a {@code long} of nanoseconds is capped. */
  public static String of(Duration duration) {
    long nanos;
    try {
      nanos = duration.toNanos();
    } catch (ArithmeticException overflow) {
      nanos = duration.isNegative() ? -Long.MAX_VALUE : Long.MAX_VALUE;
    }
    return of(nanos);
  }

  /** {@code nanos} nanoseconds as text; a negative value gets a leading minus sign. */
  public static String of(long nanos) {
    if (nanos < 0) {
      return "-" + of(nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos);
    }
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < MICRO) {
      return nanos + "ns";
    }
    String small = inUnit(nanos, MICRO, 1_000L, "µs");
    if (small == null) {
      small = inUnit(nanos, MILLI, 1_000L, "ms");
    }
    if (small == null) {
      small = inUnit(nanos, SECOND, MINUTE, "s");
    }
    return small != null ? small : large(nanos / SECOND + (nanos % SECOND >= SECOND / 2 ? 1 : 0));
  }

  /**
   * {@code nanos} in {@code unit}, or {@code null} when it rounds to {@code limit} units or more.
   * One decimal below ten units (dropped when it is zero), whole units above.
   */
  private static @Nullable String inUnit(long nanos, long unit, long limit, String name) {
    if (nanos < 10 * unit - unit / 20) {
      long tenths = (nanos * 10 + unit / 2) / unit;
      return tenths % 10 == 0 ? tenths / 10 + name : tenths / 10 + "." + tenths % 10 + name;
    }
    if (nanos < limit * unit - unit / 2) {
      return (nanos + unit / 2) / unit + name;
    }
    return null;
  }

  /** At least a minute in whole seconds, as its two largest units: {@code 2m5s}, {@code 3d4h}. */
  private static String large(long seconds) {
    if (seconds >= DAY) {
      return pair(seconds / DAY, "d", seconds % DAY / HOUR, "h");
    }
    if (seconds >= HOUR) {
      return pair(seconds / HOUR, "h", seconds % HOUR / MINUTE, "m");
    }
    return pair(seconds / MINUTE, "m", seconds % MINUTE, "s");
  }

  private static String pair(long major, String majorName, long minor, String minorName) {
    return minor == 0 ? major + majorName : major + majorName + minor + minorName;
  }
}
