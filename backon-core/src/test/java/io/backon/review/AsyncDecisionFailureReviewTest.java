package io.backon.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user callback consulted by {@code CallState.decide()} (retry predicate, maxTries supplier, stop,
 * wait) that throws must end the async call; it must never leave the returned future pending
 * forever.
 */
class AsyncDecisionFailureReviewTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);


  @Test
  void aThrowingRetryPredicateCompletesTheAsyncCallInsteadOfHangingIt() {
    IllegalStateException brokenPredicate = new IllegalStateException("predicate is broken");
    RetryPolicy policy = RetryPolicy.builder()
        .retryIfException(failure -> {
          throw brokenPredicate;
        })
        .wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none())
        .clock(clock).scheduler(scheduler).executor(Runnable::run)
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF)
        .build();

    CompletableFuture<String> call = Retrying.of(policy)
        .callAsync(() -> CompletableFuture.failedFuture(new IOException("boom")));
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(call).as("the call must end (observed: pending forever)").isDone();
    Throwable thrown = catchThrowable(() -> call.get(0, TimeUnit.SECONDS));
    assertThat(thrown).hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMaxTriesSupplierReturningZeroFailsTheAsyncCallWithItsMessage() {
    RetryPolicy policy = RetryPolicy.builder()
        .maxTries(() -> 0)
        .wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none())
        .clock(clock).scheduler(scheduler).executor(Runnable::run)
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF)
        .build();

    CompletableFuture<String> call = Retrying.of(policy)
        .callAsync(() -> CompletableFuture.failedFuture(new IOException("boom")));
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(call).as("the call must end (observed: pending forever)").isDone();
    assertThat(catchThrowable(call::join)).isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("maxTries supplier of policy 'default' returned 0; it must return >= 1");
  }
}
