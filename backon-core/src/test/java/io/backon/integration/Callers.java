package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Many callers released at once: each runs its share of calls on its own thread, and every one must
 * be done within a generous bound, so a hung call fails the test instead of hanging it.
 */
final class Callers implements AutoCloseable {

  private static final long PATIENCE_SECONDS = 5;

  private final ExecutorService threads;
  private final int count;

  private Callers(ExecutorService threads, int count) {
    this.threads = threads;
    this.count = count;
  }

  /** {@code count} platform threads. */
  static Callers platformThreads(int count) {
    return new Callers(Executors.newFixedThreadPool(count), count);
  }

  /** {@code count} virtual threads; the test is skipped, saying why, before JDK 21. */
  static Callers virtualThreads(int count) {
    try {
      Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return new Callers((ExecutorService) factory.invoke(null), count);
    } catch (NoSuchMethodException beforeJdk21) {
      Assumptions.abort("virtual threads need JDK 21+; this is " + Runtime.version());
      throw new AssertionError(beforeJdk21);
    } catch (ReflectiveOperationException unexpected) {
      throw new AssertionError(unexpected);
    }
  }

  /** Runs {@code caller(index)} on every thread at once and waits until all are done. */
  void race(IntConsumer caller) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      running.add(
          threads.submit(
              () -> {
                start.await();
                caller.accept(index);
                return null;
              }));
    }
    start.countDown();
    for (Future<?> caller1 : running) {
      caller1.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(running).allMatch(Future::isDone);
  }

  @Override
  public void close() throws InterruptedException {
    threads.shutdownNow();
    assertThat(threads.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
  }
}
