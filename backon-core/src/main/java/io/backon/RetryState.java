package io.backon;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Read-only view of one call in progress, handed to wait strategies, jitter, stop conditions and
 * wait overrides after an attempt has finished.
 *
 * <p>A state describes the moment it is handed over; do not keep it after the callback returns. It
 * is confined to the thread running the decision and is not thread-safe.
 */
public interface RetryState {

  /** The 1-based number of the attempt that has just finished. */
  int attemptNumber();

  /** Nanoseconds since the call started, measured after the attempt that just finished. */
  long elapsedNanos();

  /**
   * The wait in nanoseconds before the next attempt, after jitter and any wait override, as seen by
   * stop conditions; {@code 0} while the wait is still being computed (wait strategies and jitter).
   */
  long upcomingWaitNanos();

  /**
   * The wait in nanoseconds that preceded the attempt that just finished; {@code 0} after the
   * first.
   */
  long previousWaitNanos();

  /** The sum of all back-off sleeps of this call so far, in nanoseconds. */
  long idleNanos();

  /** Whether the attempt that just finished threw (or completed exceptionally). */
  boolean failed();

  /** The failure of the attempt that just finished, or {@code null} if it returned a value. */
  @Nullable Throwable lastFailure();

  /** The value the attempt that just finished returned, or {@code null} if it failed. */
  @Nullable Object lastResult();

  /** The random source of the policy; use it for every random choice so tests can fix the seed. */
  RandomGenerator random();

  /** {@link #elapsedNanos()} as a {@link Duration}. */
  default Duration elapsed() {
    return Duration.ofNanos(elapsedNanos());
  }

  /** {@link #upcomingWaitNanos()} as a {@link Duration}. */
  default Duration upcomingWait() {
    return Duration.ofNanos(upcomingWaitNanos());
  }
}
