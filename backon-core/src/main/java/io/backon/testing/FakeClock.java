package io.backon.testing;

import io.backon.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to. Thread-safe. Starts at an arbitrary fixed nano value and at
 * {@code 2026-01-01T00:00:00Z} on the wall.
 */
public final class FakeClock implements Clock {

  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final long START_NANOS = 1_000_000_000L;

  private final AtomicLong nanos = new AtomicLong(START_NANOS);
  private final List<Runnable> advanceListeners = new CopyOnWriteArrayList<>();

  /** A clock at its fixed starting point. */
  public FakeClock() {}

  /** The current monotonic reading. */
  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** The wall clock, moving with {@link #advance}. */
  @Override
  public Instant wallTime() {
    return EPOCH.plusNanos(nanos.get() - START_NANOS);
  }

  /** Moves the clock forward; the duration must not be negative. */
  public FakeClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0 but was " + duration);
    }
    return advanceNanos(duration.toNanos());
  }

  /** Moves the clock forward by {@code delta} nanoseconds ({@code >= 0}). */
  public FakeClock advanceNanos(long delta) {
    if (delta < 0) {
      throw new IllegalArgumentException("delta must be >= 0 but was " + delta);
    }
    nanos.addAndGet(delta);
    for (Runnable listener : advanceListeners) {
      listener.run();
    }
    return this;
  }

  /**
   * Runs {@code listener} on the advancing thread after every advance (used by ManualScheduler).
   */
  void onAdvance(Runnable listener) {
    advanceListeners.add(listener);
  }

  /** Time since this clock was created. */
  public Duration elapsed() {
    return Duration.ofNanos(nanos.get() - START_NANOS);
  }

  @Override
  public String toString() {
    return "FakeClock{" + elapsed() + '}';
  }
}
