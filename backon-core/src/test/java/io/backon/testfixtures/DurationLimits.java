package io.backon.testfixtures;

import java.time.Duration;

/**
 * The durations at the edge of what Backon accepts: every duration setting must fit in a {@code
 * long} of nanoseconds (about 292 years), and longer ones are rejected with the message built by
 * {@link #tooLong(String, Duration)}.
 */
public final class DurationLimits {

  /** The longest accepted duration: {@code Long.MAX_VALUE} nanoseconds. */
  public static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  /** One nanosecond more than {@link #LONGEST}: the shortest rejected duration. */
  public static final Duration JUST_TOO_LONG = LONGEST.plusNanos(1);

  /** 300 years, as a user might write "forever". */
  public static final Duration THREE_CENTURIES = Duration.ofDays(300L * 365);

  private DurationLimits() {}

  /** The message of the {@link IllegalArgumentException} for a too long {@code parameter}. */
  public static String tooLong(String parameter, Duration value) {
    return parameter
        + " must be <= PT2562047H47M16.854775807S"
        + " (Long.MAX_VALUE nanoseconds, about 292 years) but was "
        + value;
  }
}
