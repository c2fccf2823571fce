package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.AttemptTimeoutException;
import io.backon.EventType;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.hedge.HedgingPolicyBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With hedging and an attempt timeout, each copy is timed from its own start (attempt timeout sits
 * inside hedging). Everything runs on fake time; blocking copies run on real threads, but their
 * timers and the hedge timer fire only when the test advances the clock.
 */
class AttemptTimeoutPerCopyTest extends HedgedPipelineFixture {

  private HedgingPolicyBuilder hedging(Duration delay, boolean blocking) {
    return HedgingPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(blocking ? pool : Runnable::run)
        .hedgeDelay(delay)
        .onHedge(hedges::add);
  }

  private static boolean isTimeout(Throwable t) {
    return t instanceof AttemptTimeoutException;
  }

  // ---------------------------------------------------------------- async face

  @Test
  void eachAsyncCopyIsTimedFromItsOwnStart() {
    // copy 1: t=0, times out at 150; copy 2 (hedge): t=100, would time out at 250
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .attemptTimeout(Duration.ofMillis(150))
                .hedging(hedging(Duration.ofMillis(100), false).build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    assertThat(copies).hasSize(2);
    advance(50);
    assertThat(copies.get(0)).as("the primary timed out at 150 ms").isCancelled();
    assertThat(copies.get(1)).as("the hedge has time until 250 ms").isNotDone();
    assertThat(result).isNotDone();
    advance(50);
    assertThat(copies.get(1)).isNotDone();

    copies.get(1).complete("hedge at 200 ms");

    assertThat(result).isCompletedWithValue("hedge at 200 ms");
    assertThat(attempts()).containsExactly(1);
    assertThat(scheduler.pendingTasks()).as("the hedge's timer was called off").isZero();
  }

  @Test
  void whenEveryAsyncCopyTimesOutTheAttemptFailsWithAttemptTimeoutAndIsRetried() {
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .attemptTimeout(Duration.ofMillis(150))
                .hedging(hedging(Duration.ofMillis(100), false).build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    advance(50); // copy 1 times out
    assertThat(copies).hasSize(2);
    advance(100); // copy 2 times out at 250: the attempt fails, the retry waits 100 ms
    assertThat(events(EventType.AFTER)).hasSize(1);
    Throwable attemptFailure = events(EventType.AFTER).get(0).failure();
    assertThat(attemptFailure).isInstanceOf(AttemptTimeoutException.class);
    assertThat(((AttemptTimeoutException) attemptFailure).timeout())
        .isEqualTo(Duration.ofMillis(150));
    assertThat(((AttemptTimeoutException) attemptFailure).attemptNumber()).isEqualTo(1);
    assertThat(attemptFailure.getSuppressed())
        .as("the primary's own timeout")
        .filteredOn(AttemptTimeoutPerCopyTest::isTimeout)
        .hasSize(1);
    assertThat(copies.get(1)).isCancelled();

    advance(100);
    assertThat(copies).as("attempt 2's primary").hasSize(3);
    copies.get(2).complete("second attempt");

    assertThat(result).isCompletedWithValue("second attempt");
    assertThat(attempts()).containsExactly(1, 2);
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(350));
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void eachBlockingCopyIsTimedFromItsOwnStart() throws Exception {
    // copy 1: t=0, times out at 1000; copy 2 (hedge): t=600, would time out at 1600
    BlockingCopies target = new BlockingCopies(2);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .scheduler(scheduler)
                .maxTries(3)
                .attemptTimeout(Duration.ofMillis(1000))
                .hedging(hedging(Duration.ofMillis(600), true).build())
                .build());
    CompletableFuture<String> call = callInBackground(retrying, target);

    target.awaitStarted(1);
    await().atMost(PATIENCE).until(() -> scheduler.pendingTasks() == 2); // timeout 1 + hedge timer
    advance(600);
    target.awaitStarted(2);
    assertThat(hedges).containsExactly(2);
    advance(400);
    await().atMost(PATIENCE).until(() -> target.interrupted().contains(1));
    advance(300);
    assertThat(target.interrupted())
        .as("at 1300 ms the hedge is still within its own 1000 ms")
        .containsExactly(1);

    target.release(2);

    assertThat(call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("copy 2");
    assertThat(target.interrupted()).containsExactly(1);
    assertThat(attempts()).containsExactly(1);
  }

  @Test
  void whenEveryBlockingCopyTimesOutTheAttemptFailsWithAttemptTimeoutAndIsRetried()
      throws Exception {
    BlockingCopies target = new BlockingCopies(2); // copy 3 (attempt 2's primary) answers at once
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .scheduler(scheduler)
                .maxTries(3)
                .attemptTimeout(Duration.ofMillis(1000))
                .hedging(hedging(Duration.ofMillis(600), true).build())
                .build());
    CompletableFuture<String> call = callInBackground(retrying, target);

    target.awaitStarted(1);
    await().atMost(PATIENCE).until(() -> scheduler.pendingTasks() == 2);
    advance(600);
    target.awaitStarted(2);
    advance(400); // copy 1 times out
    await().atMost(PATIENCE).until(() -> target.interrupted().contains(1));
    advance(600); // copy 2 times out: the attempt fails and is retried

    assertThat(call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("copy 3");
    assertThat(target.interrupted()).containsExactly(1, 2);
    assertThat(attempts()).containsExactly(1, 2);
    Throwable attemptFailure = events(EventType.AFTER).get(0).failure();
    assertThat(attemptFailure).isInstanceOf(AttemptTimeoutException.class);
    assertThat(Arrays.asList(attemptFailure.getSuppressed()))
        .as("the primary's timeout is suppressed in the hedge's")
        .filteredOn(AttemptTimeoutPerCopyTest::isTimeout)
        .hasSize(1);
  }
}
