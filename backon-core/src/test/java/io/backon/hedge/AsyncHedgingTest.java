package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Hedging;
import io.backon.Retries;
import io.backon.internal.Engine;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When async copies launch, who wins, cancellation: fake clock, manual scheduler, direct executor.
 */
class AsyncHedgingTest extends AsyncHedgingFixture {

  @Test
  void primaryThatAnswersBeforeTheDelayLaunchesNoHedge() {
    CompletableFuture<String> result = call(policy());
    advance(50);
    copies.get(0).complete("a");
    advance(1_000);

    assertThat(result).isCompletedWithValue("a");
    assertThat(copies).hasSize(1);
    assertThat(hedges).isEmpty();
    assertThat(observer.asked()).isEmpty();
    assertThat(observer.events()).containsExactly("started 1", "succeeded 1 a in " + 50 * MS);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void aPrimaryThatIsAlreadyCompleteArmsNoHedgeTimer() {
    AtomicInteger timers = new AtomicInteger();
    HedgingPolicyBuilder policy =
        policy()
            .scheduler(
                (task, delayNanos) -> {
                  timers.incrementAndGet();
                  return scheduler.schedule(task, delayNanos);
                });

    CompletableFuture<String> result =
        Hedging.callAsync(
            policy.build(), () -> CompletableFuture.completedFuture("at once"), observer);

    assertThat(result).isCompletedWithValue("at once");
    assertThat(timers).as("hedge timers scheduled").hasValue(0);
    assertThat(hedges).isEmpty();
    assertThat(observer.events()).containsExactly("started 1", "succeeded 1 at once in 0");
  }

  @Test
  void aPrimaryThatHasAlreadyFailedLaunchesTheHedgeAtOnceWithOneTimerForTheNext() {
    AtomicInteger timers = new AtomicInteger();
    HedgingPolicyBuilder policy =
        policy()
            .maxHedges(3)
            .scheduler(
                (task, delayNanos) -> {
                  timers.incrementAndGet();
                  return scheduler.schedule(task, delayNanos);
                });
    AtomicInteger launches = new AtomicInteger();

    CompletableFuture<String> result =
        Hedging.callAsync(
            policy.build(),
            () ->
                launches.incrementAndGet() == 1
                    ? CompletableFuture.failedFuture(new IOException("one"))
                    : newCopy(),
            observer);

    assertThat(hedges).containsExactly(2);
    assertThat(timers).as("only the timer for copy 3").hasValue(1);
    advance(100);
    assertThat(hedges).containsExactly(2, 3);
    copies.get(1).complete("c");
    assertThat(result).isCompletedWithValue("c");
  }

  @Test
  void hedgeStartsAfterTheDelayAndItsSuccessWins() {
    CompletableFuture<String> result = call(policy());
    advance(99);
    assertThat(copies).hasSize(1);
    advance(1);
    assertThat(copies).hasSize(2);
    assertThat(hedges).containsExactly(2);
    advance(30);
    copies.get(1).complete("b");

    assertThat(result).isCompletedWithValue("b");
    assertThat(copies.get(0)).isCancelled();
    assertThat(observer.events())
        .containsExactly("started 1", "started 2", "succeeded 2 b in " + 30 * MS, "cancelled 1");
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void launchesAHedgeEveryDelayUpToMaxHedgesCopiesInTotal() {
    CompletableFuture<String> result = call(policy().maxHedges(3));
    advance(100);
    advance(100);
    assertThat(copies).hasSize(3);
    advance(10_000);

    assertThat(copies).hasSize(3).noneMatch(CompletableFuture::isDone);
    assertThat(hedges).containsExactly(2, 3);
    assertThat(scheduler.pendingTasks()).isZero();
    assertThat(result).isNotDone();
  }

  @Test
  void aFailedCopyStartsTheNextOneAtOnceAndRestartsTheDelay() {
    CompletableFuture<String> result = call(policy().maxHedges(3));
    advance(30);
    copies.get(0).completeExceptionally(new IOException("one"));
    assertThat(copies).hasSize(2);
    assertThat(hedges).containsExactly(2);

    advance(99);
    assertThat(copies).hasSize(2);
    advance(1);
    assertThat(copies).hasSize(3);
    copies.get(2).complete("c");

    assertThat(result).isCompletedWithValue("c");
    assertThat(copies.get(1)).isCancelled();
    assertThat(observer.events())
        .containsExactly(
            "started 1",
            "failed 1 one in " + 30 * MS,
            "started 2",
            "started 3",
            "succeeded 3 c in 0",
            "cancelled 2");
  }

  @Test
  void aZeroDelayLaunchesAllCopiesAtOnce() {
    CompletableFuture<String> result = call(policy().maxHedges(4).hedgeDelay(Duration.ZERO));

    assertThat(copies).hasSize(4);
    assertThat(hedges).containsExactly(2, 3, 4);
    assertThat(scheduler.pendingTasks()).isZero();
    copies.get(3).complete("d");
    assertThat(result).isCompletedWithValue("d");
    assertThat(copies.subList(0, 3)).allMatch(CompletableFuture::isCancelled);
    observer.assertOneTerminalPerStartedCopy();
  }

  @Test
  void aRefusedHedgeIsNotLaunchedAndNoLaterOneIsAskedFor() {
    observer.admitting(number -> false);
    IOException boom = new IOException("boom");
    CompletableFuture<String> result = call(policy().maxHedges(3));
    advance(10_000);

    assertThat(copies).hasSize(1);
    assertThat(observer.asked()).containsExactly(2);
    assertThat(hedges).isEmpty();
    assertThat(scheduler.pendingTasks()).isZero();
    copies.get(0).completeExceptionally(boom);
    assertThat(failureOf(result)).isSameAs(boom);
    assertThat(observer.events()).containsExactly("started 1", "failed 1 boom in " + 10_000 * MS);
  }

  @Test
  void anAdmittedHedgeIsStartedAndCancelledWhenTheCallEndedMeanwhile() {
    RecordingObserver racing =
        new RecordingObserver()
            .admitting(
                number -> {
                  copies.get(0).complete("a"); // the primary wins while the hedge is being admitted
                  return true;
                });
    CompletableFuture<String> result = Hedging.callAsync(policy().build(), this::newCopy, racing);
    advance(100);

    assertThat(result).isCompletedWithValue("a");
    assertThat(copies).hasSize(1);
    assertThat(hedges).isEmpty();
    assertThat(racing.events())
        .containsExactly("started 1", "succeeded 1 a in " + 100 * MS, "started 2", "cancelled 2");
  }

  @Test
  void cancellingTheCallCancelsEveryCopyAndThePendingTimer() {
    CompletableFuture<String> result = call(policy().maxHedges(3));
    advance(100);
    assertThat(scheduler.pendingTasks()).isEqualTo(1);

    result.cancel(true);

    assertThat(copies).hasSize(2).allMatch(CompletableFuture::isCancelled);
    assertThat(scheduler.pendingTasks()).isZero();
    advance(10_000);
    assertThat(copies).hasSize(2);
    assertThat(observer.events())
        .containsExactly("started 1", "started 2", "cancelled 1", "cancelled 2");
  }

  @Test
  void winningLatenciesTuneAPercentileDelay() {
    HedgingPolicyBuilder adaptive =
        policy().hedgeDelay(HedgeDelay.percentile(50, 4, 2, Duration.ofMillis(100)));
    for (long latency : new long[] {20, 40}) {
      CompletableFuture<String> result = call(adaptive);
      advance(latency);
      copies.get(copies.size() - 1).complete("ok");
      assertThat(result).isCompletedWithValue("ok");
    }
    copies.clear();

    call(adaptive);
    advance(19);
    assertThat(copies).hasSize(1);
    advance(1);
    assertThat(copies).hasSize(2); // the median of 20 ms and 40 ms (nearest rank) is 20 ms
  }

  @Test
  void everyCopySeesTheAttemptNumberOfTheCall() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    int saved = Engine.attemptNumber();
    Engine.setAttemptNumber(3);
    try {
      HedgingPolicy policy =
          policy().hedgeDelay(Duration.ZERO).executor(AsyncHedgingTest::onAnotherThread).build();
      Hedging.callAsync(
          policy,
          () -> {
            seen.add(Retries.attemptNumber());
            return new CompletableFuture<String>();
          },
          observer);
    } finally {
      Engine.setAttemptNumber(saved);
    }

    assertThat(seen).containsExactly(3, 3);
  }

  @Test
  void aCopyMayWinWithNull() {
    CompletableFuture<String> result = call(policy());
    copies.get(0).complete(null);

    assertThat(result).isCompletedWithValue(null);
    assertThat(observer.events()).containsExactly("started 1", "succeeded 1 null in 0");
  }

  /** Runs {@code task} on a fresh thread (which has no attempt context) and waits for it. */
  private static void onAnotherThread(Runnable task) {
    Thread thread = new Thread(task);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
