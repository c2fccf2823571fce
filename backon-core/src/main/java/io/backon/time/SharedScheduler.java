package io.backon.time;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/** The process-wide timer thread behind {@link Scheduler#shared()}. */
final class SharedScheduler {

  static final Scheduler INSTANCE = new ExecutorScheduler(create(), "Scheduler.shared()");

  private SharedScheduler() {}

  private static ScheduledThreadPoolExecutor create() {
    ThreadFactory daemon =
        task -> {
          Thread thread = new Thread(task, "backon-scheduler");
          thread.setDaemon(true);
          return thread;
        };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, daemon);
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return executor;
  }
}
