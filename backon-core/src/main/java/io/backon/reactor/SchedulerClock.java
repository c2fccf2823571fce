package io.backon.reactor;

import io.backon.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A Backon {@link Clock} reading a Reactor {@link Scheduler}'s {@code now()}, so that elapsed time
 * (maxTime, deadline, events, statistics) follows the scheduler the waits run on, virtual time
 * included. Without a fixed scheduler it reads {@code Schedulers.parallel()} at each call, which is
 * what {@code StepVerifier.withVirtualTime} replaces.
 */
final class SchedulerClock implements Clock {

  private final @Nullable Scheduler fixed;

  SchedulerClock(@Nullable Scheduler fixed) {
    this.fixed = fixed;
  }

  /** The scheduler waits and timers run on. */
  Scheduler scheduler() {
    Scheduler scheduler = fixed;
    return scheduler != null ? scheduler : Schedulers.parallel();
  }

  @Override
  public long nanoTime() {
    return scheduler().now(TimeUnit.NANOSECONDS);
  }

  @Override
  public Instant wallTime() {
    return Instant.ofEpochMilli(scheduler().now(TimeUnit.MILLISECONDS));
  }

  @Override
  public String toString() {
    return "SchedulerClock{" + (fixed != null ? fixed : "Schedulers.parallel()") + '}';
  }
}
