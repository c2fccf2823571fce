package io.backon.jcstress;

import io.backon.time.Cancellable;
import io.backon.time.Scheduler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A scheduler for jcstress tests that never runs anything by itself: it keeps every task it is
 * given, in order, so that the actors can run them on their own threads, racing each other, with
 * {@link #run(int)}. The delay is ignored (the test decides when a timer fires). Each task runs at
 * most once, and not after it was cancelled. Thread-safe.
 */
final class CapturedTasks implements Scheduler {

  private final AtomicReferenceArray<Task> tasks;
  private int count; // guarded by this

  /** Room for {@code capacity} tasks; scheduling more throws. */
  CapturedTasks(int capacity) {
    this.tasks = new AtomicReferenceArray<>(capacity);
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, long delayNanos) {
    Task captured = new Task(task);
    tasks.set(count++, captured);
    return captured::cancel;
  }

  /** How many tasks were scheduled so far. */
  synchronized int scheduled() {
    return count;
  }

  /**
   * Runs the task scheduled {@code index}-th (0-based) on the calling thread, unless it ran or was
   * cancelled already; does nothing when there is no such task yet.
   */
  void run(int index) {
    Task task = tasks.get(index);
    if (task != null) {
      task.runOnce();
    }
  }

  /** Whether the {@code index}-th task was cancelled before it ran. */
  boolean cancelled(int index) {
    Task task = tasks.get(index);
    return task != null && task.cancelled;
  }

  private static final class Task {
    private final Runnable action;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile boolean cancelled;

    Task(Runnable action) {
      this.action = action;
    }

    void cancel() {
      if (claimed.compareAndSet(false, true)) {
        cancelled = true;
      }
    }

    void runOnce() {
      if (claimed.compareAndSet(false, true)) {
        action.run();
      }
    }
  }
}
