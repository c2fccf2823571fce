package io.backon.testfixtures;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real daemon threads named {@code <prefix>-N} for blocking work (e.g. hedged copies), counting the
 * tasks ever started, running right now, at most running at once, and completely finished, so a
 * test can wait for a losing copy to settle its books. Close it to interrupt and stop the threads.
 * Thread-safe.
 */
public final class CountingThreadPool implements Executor, AutoCloseable {

  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final ExecutorService pool;

  /** A pool whose threads are named {@code threadNamePrefix-1}, {@code threadNamePrefix-2}, ... */
  public CountingThreadPool(String threadNamePrefix) {
    this.pool =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, threadNamePrefix + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void execute(Runnable task) {
    started.incrementAndGet();
    pool.execute(
        () -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            task.run();
          } finally {
            running.decrementAndGet();
            finished.incrementAndGet();
          }
        });
  }

  /** Tasks ever submitted. */
  public int started() {
    return started.get();
  }

  /** Tasks running right now. */
  public int running() {
    return running.get();
  }

  /** The most tasks that ran at once. */
  public int maxRunning() {
    return maxRunning.get();
  }

  /** Tasks whose whole run (for a hedged copy: target, breaker report, completion) has returned. */
  public int finished() {
    return finished.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
