package io.backon.integration;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real daemon threads for blocking hedged copies; counts the copies that have completely finished
 * (breaker reporting included), so a test can wait for a losing copy to settle its books.
 */
final class CopyPool implements Executor, AutoCloseable {

  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger finished = new AtomicInteger();
  private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "integration-copy-" + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public void execute(Runnable task) {
    pool.execute(() -> {
      try {
        task.run();
      } finally {
        finished.incrementAndGet();
      }
    });
  }

  /** Copies whose whole task (target, breaker report, completion) has returned. */
  int finished() {
    return finished.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
