package io.backon.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * {@link PendingTimers} for Reactor: a scheduler whose tasks wait until the test fires them,
 * whatever their delay, counting those still pending (neither fired nor disposed). Workers are
 * Reactor's immediate ones. Thread-safe.
 */
final class PendingReactorTimers implements Scheduler {

  private final List<Timer> timers = new CopyOnWriteArrayList<>();

  /** Every delay asked for, in nanoseconds. */
  final List<Long> delays = new CopyOnWriteArrayList<>();

  @Override
  public Disposable schedule(Runnable task) {
    return schedule(task, 0L, TimeUnit.NANOSECONDS);
  }

  @Override
  public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
    delays.add(unit.toNanos(delay));
    Timer timer = new Timer(task);
    timers.add(timer);
    return timer;
  }

  @Override
  public Worker createWorker() {
    return Schedulers.immediate().createWorker();
  }

  /** Fires every pending timer, on this thread. */
  void fireAll() {
    List<Timer> due = new ArrayList<>(timers);
    timers.removeAll(due);
    for (Timer timer : due) {
      if (timer.done.compareAndSet(false, true)) {
        timer.task.run();
      }
    }
  }

  /** Timers neither fired nor disposed. */
  long pending() {
    return timers.stream().filter(timer -> !timer.done.get()).count();
  }

  private static final class Timer implements Disposable {
    final Runnable task;
    final AtomicBoolean done = new AtomicBoolean();

    Timer(Runnable task) {
      this.task = task;
    }

    @Override
    public void dispose() {
      done.set(true);
    }

    @Override
    public boolean isDisposed() {
      return done.get();
    }
  }
}
