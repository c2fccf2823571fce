package io.backon.time;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs a task after a delay without blocking the caller: async back-off waits, attempt timeouts and
 * deadlines. Inject a {@code ManualScheduler} in tests. Implementations must be thread-safe and run
 * each task at most once.
 */
public interface Scheduler {

  /**
   * Runs {@code task} after {@code delayNanos} nanoseconds ({@code <= 0}: as soon as possible).
   * Tasks must be short; a throwing task is the task's own problem and never stops the scheduler.
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /**
   * The shared default: one daemon timer thread named {@code backon-scheduler}, started on first
   * use and never blocking the JVM from exiting. Tasks hand real work to an executor.
   */
  static Scheduler shared() {
    return SharedScheduler.INSTANCE;
  }

  /** A scheduler on the user's executor; its life cycle stays with the caller. */
  static Scheduler of(ScheduledExecutorService executor) {
    return new ExecutorScheduler(Objects.requireNonNull(executor, "executor"));
  }
}
