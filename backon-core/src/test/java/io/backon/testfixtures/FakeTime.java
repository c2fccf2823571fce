package io.backon.testfixtures;

import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Fake-time helpers: targets that "take" time by moving the clock, and a driver that advances a
 * {@link ManualScheduler} until an async call is done. All in 10 ms {@link #TICK}s.
 */
public final class FakeTime {

  /** The step of every helper here: 10 ms. */
  public static final Duration TICK = Duration.ofMillis(10);

  private FakeTime() {}

  /**
   * Spends {@code duration} of fake time in 10 ms ticks, like an interruptible sleep: each tick
   * runs whatever the scheduler has due (attempt timeouts fire here, on this thread).
   */
  public static void sleep(FakeClock clock, Duration duration) throws InterruptedException {
    for (Duration left = duration; left.compareTo(Duration.ZERO) > 0; left = left.minus(TICK)) {
      clock.advance(left.compareTo(TICK) < 0 ? left : TICK);
      if (Thread.interrupted()) {
        throw new InterruptedException(
            "interrupted after " + duration.minus(left) + " of fake sleep");
      }
    }
  }

  /** Spends {@code duration} of fake time in 10 ms ticks, ignoring interrupts (a busy spin). */
  public static boolean spinIgnoringInterrupts(FakeClock clock, Duration duration) {
    for (Duration left = duration; left.compareTo(Duration.ZERO) > 0; left = left.minus(TICK)) {
      clock.advance(left.compareTo(TICK) < 0 ? left : TICK);
    }
    return Thread.currentThread().isInterrupted();
  }

  /** Advances the scheduler in 10 ms ticks until {@code future} is done (at most {@code limit}). */
  public static void advanceUntilDone(ManualScheduler scheduler, Future<?> future, Duration limit) {
    for (Duration spent = Duration.ZERO;
        !future.isDone() && spent.compareTo(limit) < 0;
        spent = spent.plus(TICK)) {
      scheduler.advance(TICK);
    }
  }
}
