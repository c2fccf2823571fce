package io.backon.timeout;

import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs blocking attempts on real threads in fake time, deterministically: targets "sleep" until the
 * fake clock reaches their end, and only the test thread moves the clock, one tick at a time, once
 * every thread of this pool is either done or asleep in {@link #sleep}. So each tick's timeouts,
 * settlements and new attempts have all happened before the next tick.
 */
final class SettlingPool implements Executor, AutoCloseable {

  private final FakeClock clock;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "settling-pool");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicInteger running = new AtomicInteger();
  private final Map<Thread, Long> sleepers = new ConcurrentHashMap<>();

  SettlingPool(FakeClock clock) {
    this.clock = clock;
  }

  @Override
  public void execute(Runnable task) {
    running.incrementAndGet();
    threads.execute(
        () -> {
          try {
            task.run();
          } finally {
            running.decrementAndGet();
          }
        });
  }

  /**
   * Blocks the calling worker until the fake clock has moved by {@code duration}; interruptible.
   * Parks instead of sleeping so that the interrupt flag stays visible to {@link #settled()} until
   * this worker has left its entry.
   */
  void sleep(Duration duration) throws InterruptedException {
    Thread me = Thread.currentThread();
    long end = clock.nanoTime() + duration.toNanos();
    sleepers.put(me, end);
    try {
      while (clock.nanoTime() < end) {
        if (me.isInterrupted()) {
          sleepers.remove(me);
          Thread.interrupted();
          throw new InterruptedException("interrupted while sleeping in fake time");
        }
        LockSupport.parkNanos(200_000);
      }
    } finally {
      sleepers.remove(me);
    }
  }

  /** Every task of this pool is done or blocked in {@link #sleep} with time still to go. */
  private boolean settled() {
    long now = clock.nanoTime();
    long asleep =
        sleepers.entrySet().stream()
            .filter(e -> e.getValue() > now && isBlocked(e.getKey()))
            .count();
    return running.get() == asleep;
  }

  private static boolean isBlocked(Thread thread) {
    return !thread.isInterrupted() && thread.getState() == Thread.State.TIMED_WAITING;
  }

  private void awaitSettled() {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!settled()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("workers did not settle: " + running + " running, " + sleepers);
      }
      Thread.onSpinWait();
    }
  }

  /** Advances {@code scheduler} tick by tick, letting the workers settle in between. */
  void advanceUntilDone(ManualScheduler scheduler, Future<?> future, Duration limit) {
    for (Duration spent = Duration.ZERO;
        spent.compareTo(limit) < 0;
        spent = spent.plus(FakeTime.TICK)) {
      awaitSettled();
      if (future.isDone()) {
        return;
      }
      scheduler.advance(FakeTime.TICK);
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
