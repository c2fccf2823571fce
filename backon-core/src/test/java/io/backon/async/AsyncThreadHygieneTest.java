package io.backon.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.time.Scheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A thousand cancelled calls leave nothing behind: no attempt starts after the cancel and the JVM's
 * live thread count returns to where it was.
 */
class AsyncThreadHygieneTest {

  private static final int CALLS = 1_000;
  private static final int SLACK = 5;
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final AtomicInteger started = new AtomicInteger();

  private static RetryPolicyBuilder quiet() {
    return RetryPolicy.builder()
        .scheduler(Scheduler.shared())
        .jitter(Jitter.none())
        .stop(Stop.never())
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF);
  }

  @Test
  void cancellingAThousandCallAsyncCallsStopsEveryAttemptAndTimer() {
    Retrying retrying =
        Retrying.of(
            quiet()
                .attemptTimeout(Duration.ofSeconds(1))
                .wait(Wait.constant(Duration.ofSeconds(1)))
                .build());
    // the shared scheduler's thread exists before the baseline is taken
    assertThat(retrying.callAsync(() -> CompletableFuture.completedFuture("warm")).join())
        .isEqualTo("warm");
    int baseline = threads.getThreadCount();
    List<CompletableFuture<String>> inFlight = new CopyOnWriteArrayList<>();
    List<CompletableFuture<String>> results = new ArrayList<>();

    for (int i = 0; i < CALLS; i++) {
      boolean hanging = i % 2 == 0;
      results.add(
          retrying.callAsync(
              () -> {
                started.incrementAndGet();
                if (!hanging) {
                  return CompletableFuture.failedFuture(new IOException("down"));
                }
                CompletableFuture<String> never = new CompletableFuture<>();
                inFlight.add(never);
                return never;
              }));
    }
    results.forEach(result -> result.cancel(true));

    assertThat(started).hasValue(CALLS);
    assertThat(results).allMatch(CompletableFuture::isCancelled);
    assertThat(inFlight).hasSize(CALLS / 2).allMatch(CompletableFuture::isCancelled);
    await().during(Duration.ofMillis(1_500)).atMost(BOUND).until(() -> started.get() == CALLS);
    await().atMost(BOUND).until(() -> threads.getThreadCount() <= baseline + SLACK);
  }

  @Test
  void cancellingAThousandBlockedSupplyAsyncCallsInterruptsEveryAttempt() throws Exception {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            1,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, "hygiene-worker");
              thread.setDaemon(true);
              return thread;
            });
    try {
      Retrying retrying = Retrying.of(quiet().executor(pool).wait(Wait.none()).build());
      assertThat(retrying.callAsync(() -> CompletableFuture.completedFuture("warm")).join())
          .isEqualTo("warm");
      int baseline = threads.getThreadCount();
      CountDownLatch never = new CountDownLatch(1);
      AtomicInteger interrupted = new AtomicInteger();
      List<CompletableFuture<String>> results = new ArrayList<>();

      for (int i = 0; i < CALLS; i++) {
        results.add(
            retrying.supplyAsync(
                () -> {
                  started.incrementAndGet();
                  try {
                    never.await();
                  } catch (InterruptedException stopped) {
                    interrupted.incrementAndGet();
                    // a retryable failure: only the cancel keeps the engine from trying again
                    throw new IOException("connection reset", stopped);
                  }
                  return "never";
                }));
      }
      await().atMost(BOUND).until(() -> started.get() == CALLS);
      results.forEach(result -> result.cancel(true));

      await().atMost(BOUND).until(() -> interrupted.get() == CALLS);
      await().during(Duration.ofMillis(1_000)).atMost(BOUND).until(() -> started.get() == CALLS);
      await().atMost(BOUND).until(() -> threads.getThreadCount() <= baseline + SLACK);
    } finally {
      pool.shutdownNow();
    }
  }
}
