package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link Stages#whenDone}: the layer hears how a stage ended exactly once, before anything that
 * depends on the returned future, and a layer that throws on hearing it fails that future instead
 * of losing the exception.
 */
class StagesTest {

  private final List<String> told = new CopyOnWriteArrayList<>();

  private void tell(Object value, Throwable failure, boolean cancelled) {
    told.add(
        cancelled
            ? "cancelled"
            : failure != null ? "failed: " + failure.getMessage() : "value: " + value);
  }

  @Test
  void theLayerHearsTheOutcomeBeforeTheReturnedFuturesDependentsRun() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    CompletableFuture<String> returned = Stages.whenDone(stage, this::tell);
    List<String> seenByDependent = new CopyOnWriteArrayList<>();
    returned.whenComplete((value, failure) -> seenByDependent.addAll(told));

    stage.completeExceptionally(new IOException("down"));

    assertThat(seenByDependent).containsExactly("failed: down");
  }

  @Test
  void aReturnedFutureCancelledFirstTellsTheLayerCancelledAndCancelsTheStage() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    CompletableFuture<String> returned = Stages.whenDone(stage, this::tell);

    returned.cancel(true);
    stage.complete("late");

    assertThat(stage).isCancelled();
    assertThat(told).containsExactly("cancelled");
  }

  @Test
  void aStageEndedFirstIsToldOnceEvenWhenTheReturnedFutureIsCancelledAfterwards() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    CompletableFuture<String> returned = Stages.whenDone(stage, this::tell);

    stage.complete("42");
    returned.cancel(true);

    assertThat(told).containsExactly("value: 42");
    assertThat(returned).isCompletedWithValue("42");
  }

  @Test
  void aLayerThatThrowsOnAValueFailsTheReturnedFutureWithItsException() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    CompletableFuture<String> returned =
        Stages.whenDone(
            stage,
            (value, failure, cancelled) -> {
              throw new IllegalStateException("predicate bug");
            });

    stage.complete("42");

    assertThat(returned)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(IllegalStateException.class)
        .withMessage("predicate bug");
  }

  @Test
  void aLayerThatThrowsOnAFailureKeepsTheStagesFailureAsSuppressed() {
    CompletableFuture<String> stage = new CompletableFuture<>();
    CompletableFuture<String> returned =
        Stages.whenDone(
            stage,
            (value, failure, cancelled) -> {
              throw new IllegalStateException("listener bug");
            });

    stage.completeExceptionally(new IOException("down"));

    Throwable failure = returned.handle((value, thrown) -> thrown).join();
    assertThat(failure).isInstanceOf(IllegalStateException.class);
    assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("down");
  }

  @Test
  void aStageEndingWhileTheReturnedFutureIsCancelledIsToldExactlyOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2_000; round++) {
        AtomicInteger tellings = new AtomicInteger();
        CompletableFuture<String> stage = new CompletableFuture<>();
        CompletableFuture<String> returned =
            Stages.whenDone(stage, (value, failure, cancelled) -> tellings.incrementAndGet());
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?> completing =
            CompletableFuture.runAsync(() -> awaitThen(start, () -> stage.complete("42")), threads);
        CompletableFuture<?> cancelling =
            CompletableFuture.runAsync(
                () -> awaitThen(start, () -> returned.cancel(true)), threads);
        start.countDown();
        CompletableFuture.allOf(completing, cancelling).get(10, TimeUnit.SECONDS);

        assertThat(tellings).as("tellings in round %d", round).hasValue(1);
        assertThat(returned).isDone();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void awaitThen(CountDownLatch start, Runnable action) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    action.run();
  }
}
