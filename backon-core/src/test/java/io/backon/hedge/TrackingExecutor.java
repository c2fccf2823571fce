package io.backon.hedge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cached pool of daemon threads named {@code hedge-test-N} that counts the tasks running right
 * now and remembers how many it ever started.
 */
final class TrackingExecutor implements Executor, AutoCloseable {

  private final AtomicInteger threads = new AtomicInteger();
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger maxRunning = new AtomicInteger();
  private final List<Thread> workers = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "hedge-test-" + threads.incrementAndGet());
    thread.setDaemon(true);
    workers.add(thread);
    return thread;
  });

  @Override
  public void execute(Runnable task) {
    started.incrementAndGet();
    pool.execute(() -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        task.run();
      } finally {
        running.decrementAndGet();
      }
    });
  }

  /** Tasks running right now. */
  int running() {
    return running.get();
  }

  /** Tasks ever submitted. */
  int started() {
    return started.get();
  }

  /** The most tasks that ran at once. */
  int maxRunning() {
    return maxRunning.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
