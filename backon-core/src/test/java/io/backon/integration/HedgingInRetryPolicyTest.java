package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.Retrying;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hedging inside a retry policy: hedging wraps each attempt, the retry loop wraps the hedging. The
 * blocking face runs copies on real threads with real hedge timers (generous bounds); the async
 * face uses the manual scheduler, a direct executor and futures the test completes by hand.
 */
class HedgingInRetryPolicyTest extends HedgedPipelineFixture {

  private static String message(Throwable failure) {
    return failure.getMessage();
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void aSlowPrimaryLosesToItsHedgeAndTheCallReturnsTheHedgesValue() throws Exception {
    CountDownLatch loserInterrupted = new CountDownLatch(1);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .hedging(realHedging(Duration.ofMillis(20)).build())
                .build());

    String value =
        retrying.call(
            () -> {
              if (invocations.incrementAndGet() == 1) { // the primary (or whichever copy ran first)
                try {
                  Thread.sleep(PATIENCE.toMillis());
                  return "from primary";
                } catch (InterruptedException e) {
                  loserInterrupted.countDown();
                  throw e;
                }
              }
              return "from hedge";
            });

    assertThat(value).isEqualTo("from hedge");
    assertThat(hedges).containsExactly(2);
    assertThat(attempts()).as("one attempt, two copies").containsExactly(1);
    assertThat(events(EventType.SUCCESS))
        .singleElement()
        .extracting(RetryEvent::value)
        .isEqualTo("from hedge");
    assertThat(loserInterrupted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
        .as("the losing copy was interrupted")
        .isTrue();
    assertThat(invocations).hasValue(2);
  }

  @Test
  void whenEveryCopyFailsTheAttemptFailsWithTheLastFailureAndTheRetryLoopHedgesAgain() {
    // a long hedge delay: the hedge starts only because the primary failed, so copies run in order
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .hedging(realHedging(Duration.ofSeconds(30)).build())
                .build());

    Throwable thrown =
        catchThrowable(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("copy " + invocations.incrementAndGet());
                    }));

    assertThat(thrown).isInstanceOf(IOException.class).hasMessage("copy 6");
    assertThat(thrown.getSuppressed())
        .extracting(HedgingInRetryPolicyTest::message)
        .containsExactly("copy 5");
    assertThat(invocations).as("3 attempts x 2 copies").hasValue(6);
    assertThat(hedges).containsExactly(2, 2, 2);
    assertThat(attempts()).containsExactly(1, 2, 3);
    assertThat(events(EventType.AFTER))
        .extracting(e -> message(e.failure()))
        .containsExactly("copy 2", "copy 4", "copy 6");
    assertThat(events(EventType.AFTER).get(0).failure().getSuppressed())
        .extracting(HedgingInRetryPolicyTest::message)
        .containsExactly("copy 1");
    RetryEvent giveUp = theGiveUp();
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
    assertThat(giveUp.attemptNumber()).isEqualTo(3);
  }

  @Test
  void aRetriedAttemptIsHedgedAfreshAndCanBeWonByItsHedge() throws Exception {
    CountDownLatch loserInterrupted = new CountDownLatch(1);
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(3)
                .hedging(realHedging(Duration.ofMillis(20)).build())
                .build());

    String value =
        retrying.call(
            () -> {
              int n = invocations.incrementAndGet();
              if (n <= 2) {
                throw new IOException("copy " + n); // attempt 1: both copies fail
              }
              if (n == 3) {
                try {
                  Thread.sleep(PATIENCE.toMillis());
                  return "slow";
                } catch (InterruptedException e) {
                  loserInterrupted.countDown();
                  throw e;
                }
              }
              return "from hedge of attempt 2";
            });

    assertThat(value).isEqualTo("from hedge of attempt 2");
    assertThat(attempts()).containsExactly(1, 2);
    assertThat(hedges).containsExactly(2, 2);
    assertThat(loserInterrupted.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
  }

  // ---------------------------------------------------------------- async face

  @Test
  void aSlowAsyncPrimaryLosesToItsHedgeAndIsCancelled() {
    Retrying retrying =
        Retrying.of(asyncPolicy().maxTries(3).hedging(manualHedging().build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    assertThat(copies).hasSize(1);
    assertThat(hedges).isEmpty();

    advance(100);
    assertThat(copies).as("the hedge starts after hedgeDelay").hasSize(2);
    assertThat(hedges).containsExactly(2);
    assertThat(result).isNotDone();

    copies.get(1).complete("from hedge");

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(copies.get(0)).as("the losing primary is cancelled").isCancelled();
    assertThat(attempts()).containsExactly(1);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void whenEveryAsyncCopyFailsTheAttemptFailsWithTheLastFailureAndIsRetried() {
    Retrying retrying =
        Retrying.of(asyncPolicy().maxTries(3).hedging(manualHedging().build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(copies).hasSize(2 * attempt - 1);
      copies
          .get(2 * attempt - 2)
          .completeExceptionally(new IOException("copy " + (2 * attempt - 1)));
      assertThat(copies).as("a failed copy launches the hedge at once").hasSize(2 * attempt);
      copies.get(2 * attempt - 1).completeExceptionally(new IOException("copy " + 2 * attempt));
      if (attempt < 3) {
        assertThat(result).isNotDone();
        advance(WAIT.toMillis());
      }
    }

    Throwable failure = failureOf(result);
    assertThat(failure).isInstanceOf(IOException.class).hasMessage("copy 6");
    assertThat(failure.getSuppressed())
        .extracting(HedgingInRetryPolicyTest::message)
        .containsExactly("copy 5");
    assertThat(invocations).hasValue(6);
    assertThat(hedges).containsExactly(2, 2, 2);
    assertThat(events(EventType.AFTER))
        .extracting(e -> message(e.failure()))
        .containsExactly("copy 2", "copy 4", "copy 6");
    RetryEvent giveUp = theGiveUp();
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
    assertThat(giveUp.attemptNumber()).isEqualTo(3);
  }

  @Test
  void threeAsyncCopiesPerAttemptAreLaunchedOneHedgeDelayApart() {
    Retrying retrying =
        Retrying.of(
            asyncPolicy().maxTries(2).hedging(manualHedging().maxHedges(3).build()).build());

    CompletableFuture<String> result = retrying.callAsync(this::newCopy);
    advance(100);
    advance(100);
    assertThat(copies).hasSize(3);
    assertThat(hedges).containsExactly(2, 3);
    copies.forEach(c -> c.completeExceptionally(new IOException("down")));
    advance(WAIT.toMillis());
    assertThat(copies).as("the retry starts with a new primary").hasSize(4);
    copies.get(3).complete("second attempt");

    assertThat(result).isCompletedWithValue("second attempt");
    assertThat(attempts()).containsExactly(1, 2);
  }
}
