package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.backon.Hedging;
import io.backon.Retries;
import io.backon.internal.Engine;
import io.backon.testfixtures.CountingThreadPool;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Blocking hedged calls: copies on real threads; timers on a manual scheduler where possible. */
class SyncHedgingTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final CountingThreadPool executor = new CountingThreadPool("hedge-test");
  private final RecordingObserver observer = new RecordingObserver();
  private final AtomicInteger launched = new AtomicInteger();
  private final List<Integer> interrupted = new CopyOnWriteArrayList<>();
  private volatile Thread caller = Thread.currentThread();

  @AfterEach
  void stopThreads() {
    executor.close();
  }

  private HedgingPolicyBuilder policy() {
    return HedgingPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(executor)
        .hedgeDelay(Duration.ofMillis(100));
  }

  /** Blocks until interrupted (recording that) or until {@code millis} passed. */
  private void sleep(int copy, long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      interrupted.add(copy);
    }
  }

  /** Runs the call on its own thread ({@link #caller}), as a caller would. */
  private <T> FutureTask<T> inBackground(Callable<T> call) {
    FutureTask<T> task = new FutureTask<>(call);
    caller = new Thread(task, "hedge-test-caller");
    caller.setDaemon(true);
    caller.start();
    return task;
  }

  @Test
  void returnsThePrimarysValueRunningItOnTheExecutor() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();

    String value =
        Hedging.call(
            policy().build(),
            () -> {
              threads.add(Thread.currentThread().getName());
              return "ok";
            },
            observer);

    assertThat(value).isEqualTo("ok");
    assertThat(threads).singleElement().asString().startsWith("hedge-test-");
    assertThat(observer.events()).containsExactly("started 1", "succeeded 1 ok in 0");
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void aHedgeLaunchedAfterTheDelayWinsAndTheSlowPrimaryIsInterrupted() throws Exception {
    FutureTask<String> call =
        inBackground(
            () ->
                Hedging.call(
                    policy().build(),
                    () -> {
                      int copy = launched.incrementAndGet();
                      if (copy == 1) {
                        sleep(copy, 60_000);
                        return "slow";
                      }
                      return "fast";
                    },
                    observer));
    await().atMost(PATIENCE).until(() -> scheduler.pendingTasks() == 1); // the hedge timer

    scheduler.advance(Duration.ofMillis(100));

    assertThat(call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fast");
    assertThat(observer.events())
        .containsExactly("started 1", "started 2", "succeeded 2 fast in 0", "cancelled 1");
    await().atMost(PATIENCE).until(() -> executor.running() == 0);
    assertThat(interrupted).containsExactly(1);
  }

  @Test
  void whenAllCopiesFailTheLastCheckedFailureIsThrownWithTheOthersSuppressed() {
    List<IOException> failures =
        List.of(new IOException("1"), new IOException("2"), new IOException("3"));

    assertThatThrownBy(
            () ->
                Hedging.call(
                    policy().maxHedges(3).build(),
                    () -> {
                      throw failures.get(launched.getAndIncrement());
                    },
                    observer))
        .isSameAs(failures.get(2))
        .satisfies(
            last ->
                assertThat(last.getSuppressed()).containsExactly(failures.get(0), failures.get(1)));
    assertThat(observer.count("failed")).isEqualTo(3);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void interruptingTheCallerCancelsEveryCopyAndRestoresTheFlag() throws Exception {
    IOException early = new IOException("early");
    List<Boolean> flagAfterwards = new CopyOnWriteArrayList<>();
    FutureTask<String> call =
        inBackground(
            () -> {
              try {
                return Hedging.call(
                    policy().maxHedges(3).hedgeDelay(Duration.ZERO).build(),
                    () -> {
                      int copy = launched.incrementAndGet();
                      if (copy == 1) {
                        throw early;
                      }
                      sleep(copy, 60_000);
                      return "late";
                    },
                    observer);
              } finally {
                flagAfterwards.add(Thread.currentThread().isInterrupted());
              }
            });
    await().atMost(PATIENCE).until(() -> executor.running() == 2 && observer.count("failed") == 1);
    caller.interrupt();

    assertThatThrownBy(() -> call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InterruptedException.class)
        .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(early));
    assertThat(flagAfterwards).containsExactly(true);
    await().atMost(PATIENCE).until(() -> executor.running() == 0);
    assertThat(interrupted).containsExactlyInAnyOrder(2, 3);
    observer.assertOneTerminalPerStartedCopy();
    assertThat(observer.count("cancelled")).isEqualTo(2);
  }

  @Test
  void aOneSecondLoserDoesNotDelayATenMillisecondWinner() throws Exception {
    HedgingPolicy realTime =
        HedgingPolicy.builder().executor(executor).hedgeDelay(Duration.ofMillis(20)).build();
    long start = System.nanoTime();

    String value =
        Hedging.call(
            realTime,
            () -> {
              int copy = launched.incrementAndGet();
              sleep(copy, copy == 1 ? 1_000 : 10);
              return "copy " + copy;
            },
            observer);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    assertThat(value).isEqualTo("copy 2");
    await().atMost(Duration.ofSeconds(2)).until(() -> executor.running() == 0);
    assertThat(interrupted).containsExactly(1);
    observer.assertOneTerminalPerStartedCopy();
  }

  @Test
  void returnsPromptlyEvenWhenTheLoserIgnoresInterrupts() throws Exception {
    HedgingPolicy realTime =
        HedgingPolicy.builder().executor(executor).hedgeDelay(Duration.ofMillis(20)).build();
    long start = System.nanoTime();

    String value =
        Hedging.call(
            realTime,
            () -> {
              int copy = launched.incrementAndGet();
              if (copy == 1) {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                while (System.nanoTime() < end) {
                  sleep(copy, 5); // swallows the interrupt and keeps going
                }
                return "stubborn";
              }
              return "copy 2";
            },
            observer);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    assertThat(value).isEqualTo("copy 2");
    // the winner's worker may still be leaving its task; the loser keeps running in the background
    await().atMost(Duration.ofMillis(400)).until(() -> executor.running() == 1);
    assertThat(observer.events()).contains("cancelled 1");
    await().atMost(PATIENCE).until(() -> executor.running() == 0);
    observer.assertOneTerminalPerStartedCopy(); // its late result was discarded
  }

  @Test
  void neverRunsMoreThanMaxHedgesCopies() throws Exception {
    FutureTask<String> call =
        inBackground(
            () ->
                Hedging.call(
                    policy().maxHedges(3).build(),
                    () -> {
                      int copy = launched.incrementAndGet();
                      sleep(copy, 60_000);
                      return "never";
                    },
                    observer));
    for (int i = 0; i < 10; i++) {
      int expected = Math.min(i + 1, 3);
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  executor.started() == expected
                      && scheduler.pendingTasks() == (expected < 3 ? 1 : 0));
      scheduler.advance(Duration.ofMillis(100));
    }

    assertThat(executor.started()).isEqualTo(3);
    assertThat(executor.maxRunning()).isEqualTo(3);
    call.cancel(true); // interrupts the caller, which cancels the copies
    await().atMost(PATIENCE).until(() -> executor.running() == 0);
  }

  @Test
  void copiesSeeTheCallersAttemptNumber() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    int saved = Engine.attemptNumber();
    Engine.setAttemptNumber(2);
    try {
      Hedging.call(
          policy().maxHedges(2).build(),
          () -> {
            seen.add(Retries.attemptNumber());
            if (launched.incrementAndGet() == 1) {
              throw new IOException("first");
            }
            return "second";
          });
    } finally {
      Engine.setAttemptNumber(saved);
    }

    assertThat(seen).containsExactly(2, 2);
  }

  @Test
  void runsOnTheDefaultBlockingExecutorWhenNoneIsSet() throws Exception {
    Assumptions.assumeFalse(Engine.usesVirtualThreads());
    String thread = Hedging.call(HedgingPolicy.defaults(), () -> Thread.currentThread().getName());

    assertThat(thread).startsWith("backon-worker-");
  }
}
