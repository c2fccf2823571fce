package io.backon.testing;

import io.backon.time.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A sleeper that never blocks: it records each requested sleep and advances a {@link FakeClock} by
 * it, so time-based policies behave as if they had slept. Honors interrupts like a real sleep.
 * Thread-safe.
 */
public final class ManualSleeper implements Sleeper {

  private final FakeClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  /** A sleeper advancing {@code clock}. */
  public ManualSleeper(FakeClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A sleeper with its own fresh clock. */
  public ManualSleeper() {
    this(new FakeClock());
  }

  @Override
  public void sleep(long nanos) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before a (manual) back-off sleep");
    }
    synchronized (sleeps) {
      sleeps.add(Duration.ofNanos(nanos));
    }
    clock.advanceNanos(Math.max(0L, nanos));
  }

  /** The clock this sleeper advances. */
  public FakeClock clock() {
    return clock;
  }

  /** Every sleep requested so far, in order (a copy). */
  public List<Duration> sleeps() {
    synchronized (sleeps) {
      return List.copyOf(sleeps);
    }
  }

  /** The sum of all sleeps. */
  public Duration totalSlept() {
    synchronized (sleeps) {
      return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
  }
}
