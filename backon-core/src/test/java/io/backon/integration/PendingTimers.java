package io.backon.integration;

import io.backon.time.Cancellable;
import io.backon.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A scheduler whose timers wait until the test fires them, whatever their delay, so that time (a
 * fake clock) stands still while many async calls back off. Records every delay asked for and
 * counts the timers still pending (neither fired nor cancelled). Thread-safe.
 */
final class PendingTimers implements Scheduler {

  private final List<Timer> timers = new CopyOnWriteArrayList<>();

  /** Every delay asked for, in nanoseconds. */
  final List<Long> delays = new CopyOnWriteArrayList<>();

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    delays.add(delayNanos);
    Timer timer = new Timer(task);
    timers.add(timer);
    return timer::cancel;
  }

  /** Fires every pending timer, on this thread; returns how many fired. */
  int fireAll() {
    List<Timer> due = new ArrayList<>(timers);
    timers.removeAll(due);
    int fired = 0;
    for (Timer timer : due) {
      if (timer.done.compareAndSet(false, true)) {
        timer.task.run();
        fired++;
      }
    }
    return fired;
  }

  /** Timers neither fired nor cancelled. */
  long pending() {
    return timers.stream().filter(timer -> !timer.done.get()).count();
  }

  private static final class Timer {
    final Runnable task;
    final AtomicBoolean done = new AtomicBoolean();

    Timer(Runnable task) {
      this.task = task;
    }

    void cancel() {
      done.set(true);
    }
  }
}
