package io.backon;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the most recently completed call through a {@link Retrying} did. Immutable.
 *
 * @param startTime when the call started (wall clock); {@code null} before any call
 * @param attemptNumber how many attempts the call made; 0 before any call
 * @param elapsed from the start of the first attempt to the end of the last
 * @param idleFor the real sum of the back-off sleeps
 */
public record RetryStatistics(
    @Nullable Instant startTime, int attemptNumber, Duration elapsed, Duration idleFor) {

  /** Statistics before any call. */
  public static final RetryStatistics NONE =
      new RetryStatistics(null, 0, Duration.ZERO, Duration.ZERO);

  /** Validates the values. */
  public RetryStatistics {
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(idleFor, "idleFor");
    if (attemptNumber < 0) {
      throw new IllegalArgumentException("attemptNumber must be >= 0 but was " + attemptNumber);
    }
  }
}
