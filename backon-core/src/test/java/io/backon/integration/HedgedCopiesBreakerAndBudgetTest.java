package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.backon.GiveUpReason;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerBuilder;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudget;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hedged copies meet the breaker and the budget: every copy asks the breaker for its own permission
 * and reports its own outcome, a copy cancelled because another won reports nothing (and frees its
 * HALF_OPEN trial slot), and every hedge needs a budget token.
 */
class HedgedCopiesBreakerAndBudgetTest extends HedgedPipelineFixture {

  private final CountDownLatch loserInterrupted = new CountDownLatch(1);

  /** Never opens on its own within these tests; records every copy in its window. */
  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("search")
        .clock(clock)
        .failureThreshold(100)
        .countBasedWindow(50)
        .minimumCalls(50);
  }

  /**
   * The first copy to run blocks until interrupted and then fails with a failure the breaker would
   * record; the next copy answers at once.
   */
  private final Callable<String> slowFirstCopy =
      () -> {
        if (invocations.incrementAndGet() == 1) {
          try {
            Thread.sleep(PATIENCE.toMillis());
            return "from primary";
          } catch (InterruptedException e) {
            loserInterrupted.countDown();
            throw new IOException("primary cut short", e);
          }
        }
        return "from hedge";
      };

  private void awaitLoserSettled() throws InterruptedException {
    assertThat(loserInterrupted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    await().atMost(PATIENCE).until(() -> pool.finished() == 2);
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void everyHedgedCopyOfEveryAttemptAcquiresItsOwnPermission() {
    CircuitBreaker breaker = breaker().build();
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(2)
                .circuitBreaker(breaker)
                .hedging(realHedging(Duration.ofSeconds(30)).build())
                .build());

    Throwable thrown =
        catchThrowable(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("copy " + invocations.incrementAndGet());
                    }));

    assertThat(thrown).hasMessage("copy 4");
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).as("2 attempts x 2 copies").isEqualTo(4);
    assertThat(snapshot.failedCalls()).isEqualTo(4);
  }

  @Test
  void aCopyCancelledBecauseAnotherWonRecordsNothingInTheBreaker() throws Exception {
    CircuitBreaker breaker = breaker().build();
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(realHedging(Duration.ofMillis(20)).build())
                .build());

    assertThat(retrying.call(slowFirstCopy)).isEqualTo("from hedge");
    awaitLoserSettled();

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).as("only the winner is recorded").isEqualTo(1);
    assertThat(snapshot.failedCalls()).isZero();
    assertThat(snapshot.consecutiveFailures()).isZero();
  }

  @Test
  void aCancelledCopyGivesItsHalfOpenTrialSlotBack() throws Exception {
    CircuitBreaker breaker = breaker().halfOpenMaxCalls(2).successThreshold(3).build();
    breaker.halfOpen();
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(realHedging(Duration.ofMillis(20)).build())
                .build());

    assertThat(retrying.call(slowFirstCopy)).isEqualTo("from hedge");
    awaitLoserSettled();

    assertThat(breaker.state())
        .as("one trial success of three needed")
        .isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("trial slot 1 free again").isTrue();
    assertThat(breaker.tryAcquirePermission()).as("trial slot 2 free again").isTrue();
    assertThat(breaker.tryAcquirePermission()).as("only two trial slots").isFalse();
  }

  @Test
  void withAnEmptyBudgetNoHedgeIsLaunchedButThePrimaryStillRuns() throws Exception {
    RetryBudget budget = RetryBudget.builder().maxTokens(4).build();
    for (int i = 0; i < 4; i++) {
      budget.onFailure();
    }
    CountDownLatch releasePrimary = new CountDownLatch(1);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .retryBudget(budget)
                .hedging(realHedging(Duration.ofMillis(20)).maxHedges(3).build())
                .build());
    CompletableFuture<String> call =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return retrying.call(
                    () -> {
                      invocations.incrementAndGet();
                      releasePrimary.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                      return "from primary";
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            pool);

    await().atMost(PATIENCE).until(() -> budget.snapshot().retriesRefused() == 1);
    releasePrimary.countDown();

    assertThat(call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("from primary");
    assertThat(invocations).hasValue(1);
    assertThat(hedges).isEmpty();
    assertThat(budget.snapshot().retriesRefused())
        .as("asked once, then no more hedges")
        .isEqualTo(1);
  }

  /**
   * A rejection fails fast, and hedging launches the next copy at once when a copy fails; but the
   * breaker is still open, so that hedge can only be rejected too. HedgeCopyObserver#mayStartHedge
   * names "the breaker is closed" as a reason to refuse a hedge; the engine asks only the budget.
   */
  @Test
  void anOpenBreakerEndsAHedgedAttemptAtOnceWithoutLaunchingAHedge() {
    CircuitBreaker breaker = breaker().build();
    breaker.forceOpen();
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(realHedging(Duration.ofSeconds(30)).build())
                .build());

    Throwable thrown = catchThrowable(() -> retrying.call(() -> "never runs"));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    assertThat(hedges).as("a rejected primary is not hedged").isEmpty();
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- async face

  @Test
  void everyAsyncHedgedCopyOfEveryAttemptAcquiresItsOwnPermission() {
    CircuitBreaker breaker = breaker().build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(2)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              invocations.incrementAndGet();
              return failed(new IOException("copy " + invocations.get()));
            });
    advanceUntilDone(result, WAIT);

    assertThat(failureOf(result)).hasMessage("copy 4");
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(4);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(4);
  }

  @Test
  void hedgedCopiesWhoseFailuresOpenTheBreakerEndTheCallWithoutABackOff() {
    CircuitBreaker breaker = breaker().failureThreshold(2).build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100); // the hedge starts
    copies.get(0).completeExceptionally(new IOException("copy 1"));
    copies.get(1).completeExceptionally(new IOException("copy 2"));

    assertThat(failureOf(result))
        .as("rejected at once, the failure that opened the breaker kept")
        .isInstanceOf(CircuitOpenException.class)
        .hasSuppressedException(new IOException("copy 2"));
    assertThat(invocations).hasValue(2);
    assertThat(clock.elapsed()).as("only the hedge delay passed").isEqualTo(WAIT);
  }

  @Test
  void anAsyncCopyCancelledBecauseAnotherWonRecordsNothingInTheBreaker() {
    CircuitBreaker breaker = breaker().build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    copies.get(1).complete("from hedge");

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(copies.get(0)).isCancelled();
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(1);
    assertThat(snapshot.failedCalls()).isZero();
  }

  @Test
  void anAsyncCopyThatFailsAfterAnotherWonRecordsNothingInTheBreaker() {
    CircuitBreaker breaker = breaker().build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    copies.get(1).complete("from hedge");
    copies.get(0).completeExceptionally(new IOException("too late")); // already cancelled: no-op

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(breaker.snapshot().failedCalls()).isZero();
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(1);
  }

  @Test
  void aCancelledAsyncCopyGivesItsHalfOpenTrialSlotBack() {
    CircuitBreaker breaker = breaker().halfOpenMaxCalls(2).successThreshold(3).build();
    breaker.halfOpen();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    assertThat(copies).as("both copies hold a trial slot").hasSize(2);
    copies.get(1).complete("from hedge");

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.tryAcquirePermission()).isFalse();
  }

  @Test
  void withAnEmptyBudgetNoAsyncHedgeIsLaunchedButThePrimaryStillRuns() {
    RetryBudget budget = RetryBudget.builder().maxTokens(4).build();
    for (int i = 0; i < 4; i++) {
      budget.onFailure();
    }
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .retryBudget(budget)
                .hedging(manualHedging().maxHedges(3).build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    advance(100);

    assertThat(copies).as("no hedge without a token").hasSize(1);
    assertThat(hedges).isEmpty();
    assertThat(budget.snapshot().retriesRefused()).isEqualTo(1);
    copies.get(0).complete("from primary");
    assertThat(result).isCompletedWithValue("from primary");
  }

  @Test
  void aHedgeIsPaidForFromTheBudgetLikeARetry() {
    RetryBudget budget = RetryBudget.builder().maxTokens(4).build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy().maxTries(3).retryBudget(budget).hedging(manualHedging().build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    copies.get(1).complete("from hedge");

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(hedges).containsExactly(2);
    assertThat(budget.snapshot().retriesAllowed()).isEqualTo(1);
    assertThat(budget.snapshot().retriesRefused()).isZero();
  }

  /**
   * A rejection fails fast, and hedging launches the next copy at once when a copy fails; but the
   * breaker is still open, so that hedge can only be rejected too. HedgeCopyObserver#mayStartHedge
   * names "the breaker is closed" as a reason to refuse a hedge; the engine asks only the budget.
   */
  @Test
  void anOpenBreakerEndsAnAsyncHedgedAttemptAtOnceWithoutLaunchingAHedge() {
    CircuitBreaker breaker = breaker().build();
    breaker.forceOpen();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(3)
                .circuitBreaker(breaker)
                .hedging(manualHedging().build())
                .build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);

    assertThat(failureOf(result)).isInstanceOf(CircuitOpenException.class);
    assertThat(invocations).hasValue(0);
    assertThat(hedges).as("a rejected primary is not hedged").isEmpty();
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }
}
