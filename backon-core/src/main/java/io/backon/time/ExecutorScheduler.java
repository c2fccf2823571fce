package io.backon.time;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} over a {@link ScheduledExecutorService}. */
final class ExecutorScheduler implements Scheduler {

  private final ScheduledExecutorService executor;
  private final String name;

  ExecutorScheduler(ScheduledExecutorService executor) {
    this(executor, "Scheduler.of(" + executor + ")");
  }

  ExecutorScheduler(ScheduledExecutorService executor, String name) {
    this.executor = executor;
    this.name = name;
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    ScheduledFuture<?> future =
        executor.schedule(task, Math.max(0L, delayNanos), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public String toString() {
    return name;
  }
}
