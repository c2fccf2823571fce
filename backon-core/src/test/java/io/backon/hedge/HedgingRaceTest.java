package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Hedging;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * jcstress-style races: two threads complete two copies (or cancel the call) at the same instant,
 * many times over; every outcome must have exactly one winner and one terminal callback per copy.
 */
class HedgingRaceTest {

  private static final int ROUNDS = 2_000;

  private final ExecutorService racers = Executors.newFixedThreadPool(2);
  private final HedgingPolicy allAtOnce =
      HedgingPolicy.builder()
          .maxHedges(2)
          .hedgeDelay(Duration.ZERO)
          .executor(Runnable::run)
          .build();

  @AfterEach
  void stopRacers() {
    racers.shutdownNow();
  }

  /** Starts a two-copy async call and runs {@code first} and {@code second} at the same instant. */
  private CompletableFuture<String> race(
      RecordingObserver observer,
      List<CompletableFuture<String>> copies,
      RaceStep first,
      RaceStep second)
      throws Exception {
    CompletableFuture<String> result =
        Hedging.callAsync(
            allAtOnce,
            () -> {
              CompletableFuture<String> copy = new CompletableFuture<>();
              copies.add(copy);
              return copy;
            },
            observer);
    CyclicBarrier barrier = new CyclicBarrier(2);
    Future<?> a = racers.submit(() -> step(barrier, first, result, copies));
    Future<?> b = racers.submit(() -> step(barrier, second, result, copies));
    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    return result;
  }

  private static Void step(
      CyclicBarrier barrier,
      RaceStep action,
      CompletableFuture<String> result,
      List<CompletableFuture<String>> copies)
      throws Exception {
    barrier.await(10, TimeUnit.SECONDS);
    action.run(result, copies);
    return null;
  }

  @FunctionalInterface
  private interface RaceStep {
    void run(CompletableFuture<String> result, List<CompletableFuture<String>> copies);
  }

  @Test
  void twoCopiesSucceedingAtOnceYieldExactlyOneWinner() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      RecordingObserver observer = new RecordingObserver();
      List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();

      CompletableFuture<String> result =
          race(
              observer,
              copies,
              (call, c) -> c.get(0).complete("one"),
              (call, c) -> c.get(1).complete("two"));

      String winner = result.get(10, TimeUnit.SECONDS);
      assertThat(winner).isIn("one", "two");
      int winning = winner.equals("one") ? 1 : 2;
      observer.assertOneTerminalPerStartedCopy();
      assertThat(observer.events())
          .hasSize(4)
          .anyMatch(event -> event.startsWith("succeeded " + winning + " " + winner))
          .contains("cancelled " + (3 - winning));
    }
  }

  @Test
  void aSuccessRacingAFailureEndsWithTheSuccessOrWaitsForIt() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      RecordingObserver observer = new RecordingObserver();
      List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();

      CompletableFuture<String> result =
          race(
              observer,
              copies,
              (call, c) -> c.get(0).complete("one"),
              (call, c) -> c.get(1).completeExceptionally(new IOException("two")));

      assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("one");
      observer.assertOneTerminalPerStartedCopy();
      assertThat(observer.count("succeeded 1")).isEqualTo(1);
    }
  }

  @Test
  void twoCopiesFailingAtOnceThrowOneFailureWithTheOtherSuppressed() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      RecordingObserver observer = new RecordingObserver();
      List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();
      IOException one = new IOException("one");
      IOException two = new IOException("two");

      CompletableFuture<String> result =
          race(
              observer,
              copies,
              (call, c) -> c.get(0).completeExceptionally(one),
              (call, c) -> c.get(1).completeExceptionally(two));

      Throwable failure = causeOf(result);
      assertThat(failure).isIn(one, two);
      assertThat(failure.getSuppressed()).containsExactly(failure == one ? two : one);
      assertThat(observer.count("failed")).isEqualTo(2);
      observer.assertOneTerminalPerStartedCopy();
    }
  }

  @Test
  void cancellingTheCallWhileACopySucceedsLeavesOneConsistentOutcome() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      RecordingObserver observer = new RecordingObserver();
      List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();

      CompletableFuture<String> result =
          race(
              observer,
              copies,
              (call, c) -> c.get(1).complete("two"),
              (call, c) -> call.cancel(true));

      observer.assertOneTerminalPerStartedCopy();
      assertThat(copies.get(0)).isCancelled();
      if (observer.count("succeeded") == 0) {
        assertThat(result).isCancelled();
        assertThat(observer.count("cancelled")).isEqualTo(2);
      } else {
        assertThat(observer.count("cancelled")).isEqualTo(1);
      }
    }
  }

  @Test
  void blockingCopiesFinishingTogetherYieldExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      HedgingPolicy policy =
          HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ZERO).executor(pool).build();
      for (int round = 0; round < ROUNDS / 4; round++) {
        RecordingObserver observer = new RecordingObserver();
        CyclicBarrier together = new CyclicBarrier(2);
        CountDownLatch numbering = new CountDownLatch(0);
        List<Thread> copies = new CopyOnWriteArrayList<>();

        String winner =
            Hedging.call(
                policy,
                () -> {
                  numbering.await();
                  copies.add(Thread.currentThread());
                  together.await(10, TimeUnit.SECONDS);
                  return Thread.currentThread().getName();
                },
                observer);

        assertThat(copies).extracting(Thread::getName).contains(winner);
        observer.assertOneTerminalPerStartedCopy();
        assertThat(observer.count("succeeded")).isEqualTo(1);
        assertThat(observer.count("cancelled")).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Throwable causeOf(CompletableFuture<?> result) throws Exception {
    try {
      result.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException failed) {
      return failed.getCause();
    }
    throw new AssertionError("expected the call to fail");
  }
}
