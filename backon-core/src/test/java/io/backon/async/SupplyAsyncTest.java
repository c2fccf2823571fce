package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static io.backon.testfixtures.Async.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.AsyncRetryingCaller;
import io.backon.Retries;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code supplyAsync}: a blocking target, each attempt on the policy's executor. */
class SupplyAsyncTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger workers = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "supply-worker-" + workers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> threads = new CopyOnWriteArrayList<>();
  private final List<Integer> numbers = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private Retrying retrying() {
    return Retrying.of(fakeTimePolicy(clock, scheduler).executor(pool).wait(Wait.none()).build());
  }

  @Test
  void eachAttemptRunsOnTheExecutorWithItsAttemptNumber() {
    CompletableFuture<String> result =
        retrying()
            .supplyAsync(
                () -> {
                  threads.add(Thread.currentThread().getName());
                  numbers.add(Retries.attemptNumber());
                  if (calls.incrementAndGet() < 3) {
                    throw new IOException("down");
                  }
                  return "ok";
                });

    assertThat(valueOf(result)).isEqualTo("ok");
    assertThat(numbers).containsExactly(1, 2, 3);
    assertThat(threads).hasSize(3).allMatch(name -> name.startsWith("supply-worker-"));
  }

  @Test
  void aCheckedFailureReachesTheCallerUnchanged() {
    IOException down = new IOException("down");

    CompletableFuture<String> result =
        retrying()
            .supplyAsync(
                () -> {
                  calls.incrementAndGet();
                  throw down;
                });

    assertThat(failureOf(result)).isSameAs(down);
    assertThat(calls).hasValue(3);
  }

  @Test
  void theFluentCallerSuppliesToo() {
    AsyncRetryingCaller caller =
        AsyncRetryingCaller.of(
                fakeTimePolicy(clock, scheduler).executor(pool).wait(Wait.none()).build())
            .on(IOException.class);

    CompletableFuture<String> result =
        caller.supply(
            () -> {
              if (calls.incrementAndGet() == 1) {
                throw new IOException("down");
              }
              return "ok #" + Retries.attemptNumber();
            });

    assertThat(valueOf(result)).isEqualTo("ok #2");
  }

  @Test
  void cancellingInterruptsTheRunningAttemptAndSchedulesNothingMore() {
    CountDownLatch never = new CountDownLatch(1);
    List<Throwable> interrupted = new CopyOnWriteArrayList<>();
    CompletableFuture<String> result =
        Retrying.of(
                fakeTimePolicy(clock, scheduler)
                    .executor(pool)
                    .wait(Wait.constant(Duration.ofSeconds(1)))
                    .attemptTimeout(Duration.ofSeconds(10))
                    .build())
            .supplyAsync(
                () -> {
                  calls.incrementAndGet();
                  try {
                    never.await();
                  } catch (InterruptedException stopped) {
                    interrupted.add(stopped);
                    throw new IOException("connection reset", stopped);
                  }
                  return "never";
                });
    await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() == 1);

    result.cancel(true);

    await().atMost(Duration.ofSeconds(10)).until(() -> interrupted.size() == 1);
    assertThat(scheduler.pendingTasks()).isZero();
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(calls).hasValue(1);
  }

  @Test
  void theGlobalSwitchMakesSupplyAsyncRunOnceOnTheExecutor() {
    Retries.disable();
    try {
      CompletableFuture<String> result =
          retrying()
              .supplyAsync(
                  () -> {
                    calls.incrementAndGet();
                    threads.add(Thread.currentThread().getName());
                    throw new IOException("down");
                  });
      assertThat(failureOf(result)).isInstanceOf(IOException.class);
    } finally {
      Retries.enable();
    }

    assertThat(calls).hasValue(1);
    assertThat(threads).singleElement().asString().startsWith("supply-worker-");
  }

  @Test
  void aBlockingTargetRunInlineLeavesNoAttemptNumberOnTheThread() {
    Retrying inline =
        Retrying.of(
            fakeTimePolicy(clock, scheduler).executor(Runnable::run).wait(Wait.none()).build());

    String value = valueOf(inline.supplyAsync(() -> "attempt " + Retries.attemptNumber()));

    assertThat(value).isEqualTo("attempt 1");
    assertThat(Retries.attemptNumber()).as("attempt number after the call").isZero();
  }
}
