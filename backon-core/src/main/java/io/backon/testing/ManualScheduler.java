package io.backon.testing;

import io.backon.time.Cancellable;
import io.backon.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scheduler driven by a {@link FakeClock}: tasks run on the thread that advances the clock (or on
 * any thread calling {@link #runDueTasks()}), in due order, once their time has come. With {@code
 * executor(Runnable::run)} on the policy, async retries become fully deterministic. Thread-safe.
 */
public final class ManualScheduler implements Scheduler {

  private final FakeClock clock;
  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long sequence;

  /** A scheduler following {@code clock}. */
  public ManualScheduler(FakeClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    clock.onAdvance(this::runDueTasks);
  }

  /** A scheduler with its own fresh clock. */
  public ManualScheduler() {
    this(new FakeClock());
  }

  /** The clock driving this scheduler. */
  public FakeClock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    Objects.requireNonNull(task, "task");
    Task scheduled;
    synchronized (this) {
      scheduled = new Task(clock.nanoTime() + Math.max(0L, delayNanos), sequence++, task);
      queue.add(scheduled);
    }
    if (delayNanos <= 0) {
      runDueTasks();
    }
    return scheduled::cancel;
  }

  /** Advances the clock by {@code duration}, running every task that becomes due. */
  public void advance(Duration duration) {
    clock.advance(duration);
  }

  /** Runs every task whose time has come (also called on every clock advance). */
  public void runDueTasks() {
    while (true) {
      Task next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.dueNanos > clock.nanoTime()) {
          return;
        }
        queue.poll();
      }
      next.runIfNotCancelled();
    }
  }

  /** How many tasks are waiting (cancelled ones excluded). */
  public synchronized int pendingTasks() {
    return (int) queue.stream().filter(task -> !task.cancelled.get()).count();
  }

  private static final class Task implements Comparable<Task> {
    final long dueNanos;
    final long order;
    final Runnable action;
    final AtomicBoolean cancelled = new AtomicBoolean();

    Task(long dueNanos, long order, Runnable action) {
      this.dueNanos = dueNanos;
      this.order = order;
      this.action = action;
    }

    void cancel() {
      cancelled.set(true);
    }

    void runIfNotCancelled() {
      if (cancelled.compareAndSet(false, true)) {
        action.run();
      }
    }

    @Override
    public int compareTo(Task other) {
      int byTime = Long.compare(dueNanos, other.dueNanos);
      return byTime != 0 ? byTime : Long.compare(order, other.order);
    }
  }
}
