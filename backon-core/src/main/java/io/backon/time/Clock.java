package io.backon.time;

import java.time.Instant;

/**
 * Source of time for the engine: a monotonic nanosecond counter for measuring elapsed time and a
 * wall clock for reporting. Inject a {@code FakeClock} in tests instead of sleeping.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Clock {

  /** Monotonic time in nanoseconds; only differences between two readings are meaningful. */
  long nanoTime();

  /** The current wall-clock instant, used only to report when a call started. */
  Instant wallTime();

  /** The system clock: {@link System#nanoTime()} and {@link Instant#now()}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
