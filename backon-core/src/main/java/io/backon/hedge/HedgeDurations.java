package io.backon.hedge;

import io.backon.internal.support.Checks;
import java.time.Duration;

/** Duration checks and conversions shared by the hedging types. Not API. */
final class HedgeDurations {

  private HedgeDurations() {}

  /**
   * Checks that {@code value} is not null, not negative and at most {@link Long#MAX_VALUE}
   * nanoseconds (about 292 years), and returns it in nanoseconds.
   *
   * @throws IllegalArgumentException {@code "<name> must be >= 0 but was <value>"} or {@code
   *     "<name> must be <= PT2562047H47M16.854775807S (...) but was <value>"}
   */
  static long nonNegativeNanos(String name, Duration value) {
    return Checks.nonNegative(name, value).toNanos();
  }
}
