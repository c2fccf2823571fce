package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.DeadlineExceededException;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.hedge.HedgingPolicy;
import io.backon.hedge.HedgingPolicyBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline is the outermost layer: when it passes while hedged copies run, every copy is
 * cancelled and the call ends with {@link DeadlineExceededException}. Fake time throughout; the
 * blocking face's copies run on real threads.
 */
class DeadlineAroundHedgingTest extends HedgedPipelineFixture {

  private static final Duration DEADLINE = Duration.ofMillis(500);

  private HedgingPolicyBuilder hedging(boolean blocking) {
    return HedgingPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(blocking ? pool : Runnable::run)
        .hedgeDelay(WAIT)
        .onHedge(hedges::add);
  }

  private CircuitBreaker breaker() {
    return CircuitBreaker.builder("catalog")
        .clock(clock)
        .failureThreshold(100)
        .countBasedWindow(50)
        .minimumCalls(50)
        .build();
  }

  // ---------------------------------------------------------------- async face

  @Test
  void aDeadlinePassingWhileAsyncHedgedCopiesRunCancelsThemAndEndsTheCall() {
    Retrying retrying =
        Retrying.of(
            asyncPolicy().maxTries(5).deadline(DEADLINE).hedging(hedging(false).build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    assertThat(copies).hasSize(2);
    advance(399);
    assertThat(result).isNotDone();
    advance(1);

    Throwable failure = failureOf(result);
    assertThat(failure).isInstanceOf(DeadlineExceededException.class);
    assertThat(((DeadlineExceededException) failure).deadline()).isEqualTo(DEADLINE);
    assertThat(((DeadlineExceededException) failure).attempts()).isEqualTo(1);
    assertThat(copies)
        .as("every running copy is cancelled")
        .allMatch(CompletableFuture::isCancelled);
    assertThat(copies).hasSize(2);
    RetryEvent giveUp = theGiveUp();
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    assertThat(scheduler.pendingTasks()).as("no hedge timer, wait or deadline left").isZero();
  }

  @Test
  void theAsyncDeadlineFailureCarriesTheLastFinishedAttemptsFailure() {
    Retrying retrying =
        Retrying.of(
            asyncPolicy().maxTries(5).deadline(DEADLINE).hedging(hedging(false).build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    copies.get(0).completeExceptionally(new IOException("copy 1"));
    copies.get(1).completeExceptionally(new IOException("copy 2")); // attempt 1 failed at t=0
    advance(100); // attempt 2 starts
    advance(100); // its hedge starts
    assertThat(copies).hasSize(4);
    advance(300); // t=500

    Throwable failure = failureOf(result);
    assertThat(failure).isInstanceOf(DeadlineExceededException.class);
    assertThat(failure.getCause()).isInstanceOf(IOException.class).hasMessage("copy 2");
    assertThat(((DeadlineExceededException) failure).attempts()).isEqualTo(2);
    assertThat(copies.subList(2, 4)).allMatch(CompletableFuture::isCancelled);
  }

  @Test
  void asyncCopiesCutByTheDeadlineAreNeitherSuccessesNorFailuresForTheBreaker() {
    CircuitBreaker breaker = breaker();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(5)
                .deadline(DEADLINE)
                .circuitBreaker(breaker)
                .hedging(hedging(false).build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    advance(400);

    assertThat(failureOf(result)).isInstanceOf(DeadlineExceededException.class);
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isZero();
    assertThat(snapshot.failedCalls()).isZero();
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void aDeadlinePassingWhileBlockingHedgedCopiesRunInterruptsThemAndEndsTheCall() throws Exception {
    BlockingCopies target = new BlockingCopies(2);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .scheduler(scheduler)
                .maxTries(5)
                .deadline(DEADLINE)
                .hedging(hedging(true).build())
                .build());
    CompletableFuture<String> call = callInBackground(retrying, target);

    startBothCopies(target);
    advance(399);
    assertThat(call).isNotDone();
    advance(1);

    Throwable failure = failureOfBlocking(call);
    assertThat(failure).isInstanceOf(DeadlineExceededException.class);
    assertThat(((DeadlineExceededException) failure).attempts()).isEqualTo(1);
    assertThat(target.awaitAllInterrupted(PATIENCE)).as("both copies interrupted").isTrue();
    assertThat(target.interrupted()).containsExactlyInAnyOrder(1, 2);
    assertThat(target.started()).isEqualTo(2);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
  }

  /**
   * The async face releases the breaker permission of a copy the deadline cancelled (neither
   * success nor failure, as HedgeCopyObserver#copyCancelled says); the blocking face must agree.
   */
  @Test
  void blockingCopiesCutByTheDeadlineAreNeitherSuccessesNorFailuresForTheBreaker()
      throws Exception {
    CircuitBreaker breaker = breaker();
    BlockingCopies target = new BlockingCopies(2);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .scheduler(scheduler)
                .maxTries(5)
                .deadline(DEADLINE)
                .circuitBreaker(breaker)
                .hedging(hedging(true).build())
                .build());
    CompletableFuture<String> call = callInBackground(retrying, target);

    startBothCopies(target);
    advance(400);

    assertThat(failureOfBlocking(call)).isInstanceOf(DeadlineExceededException.class);
    assertThat(target.awaitAllInterrupted(PATIENCE)).isTrue();
    await().atMost(PATIENCE).until(() -> pool.finished() == 2);
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.failedCalls())
        .as("copies the deadline cancelled must not count as failures (the async face agrees)")
        .isZero();
    assertThat(snapshot.bufferedCalls()).isZero();
  }

  @Test
  void withoutHedgingAnAsyncAttemptCutByTheDeadlineIsNotABreakerFailureEither() {
    CircuitBreaker breaker = breaker();
    Retrying retrying =
        Retrying.of(asyncPolicy().maxTries(5).deadline(DEADLINE).circuitBreaker(breaker).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(500);

    assertThat(failureOf(result)).isInstanceOf(DeadlineExceededException.class);
    assertThat(copies.get(0)).isCancelled();
    assertThat(breaker.snapshot().failedCalls()).isZero();
    assertThat(breaker.snapshot().bufferedCalls()).isZero();
  }

  /**
   * The async face releases the breaker permission of a copy the deadline cancelled (neither
   * success nor failure, as HedgeCopyObserver#copyCancelled says); the blocking face must agree.
   */
  @Test
  void withoutHedgingABlockingAttemptCutByTheDeadlineIsNotABreakerFailureEither() throws Exception {
    CircuitBreaker breaker = breaker();
    BlockingCopies target = new BlockingCopies(1);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .scheduler(scheduler)
                .maxTries(5)
                .deadline(DEADLINE)
                .circuitBreaker(breaker)
                .build());
    CompletableFuture<String> call = callInBackground(retrying, target);

    target.awaitStarted(1);
    await().atMost(PATIENCE).until(() -> scheduler.pendingTasks() == 1); // the deadline
    advance(500);

    assertThat(failureOfBlocking(call)).isInstanceOf(DeadlineExceededException.class);
    assertThat(target.interrupted()).containsExactly(1);
    assertThat(breaker.snapshot().failedCalls())
        .as("an attempt the deadline cut must not count as a failure (the async face agrees)")
        .isZero();
    assertThat(breaker.snapshot().bufferedCalls()).isZero();
  }

  /** Waits for the primary and its timers, fires the hedge at t=100 and waits for it to start. */
  private void startBothCopies(BlockingCopies target) throws InterruptedException {
    target.awaitStarted(1);
    await().atMost(PATIENCE).until(() -> scheduler.pendingTasks() == 2); // deadline + hedge timer
    advance(100);
    target.awaitStarted(2);
    assertThat(hedges).containsExactly(2);
  }

  private static Throwable failureOfBlocking(CompletableFuture<String> call) throws Exception {
    try {
      call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("the call succeeded");
  }
}
