package io.backon.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The future of an async call always completes: a user callback consulted by {@code
 * CallState.decide()} (retry predicate, maxTries supplier, stop, wait) that throws, an executor or
 * a scheduler that refuses the next attempt, its wait or its timeout, or a long run of instant
 * retries must end the call, never leave it pending forever or overflow the stack.
 */
class AsyncCallAlwaysCompletesTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @Test
  void aThrowingRetryPredicateCompletesTheAsyncCallInsteadOfHangingIt() {
    IllegalStateException brokenPredicate = new IllegalStateException("predicate is broken");
    RetryPolicy policy =
        RetryPolicy.builder()
            .retryIfException(
                failure -> {
                  throw brokenPredicate;
                })
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(() -> CompletableFuture.failedFuture(new IOException("boom")));
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(call).as("the call must end (observed: pending forever)").isDone();
    Throwable thrown = catchThrowable(() -> call.get(0, TimeUnit.SECONDS));
    assertThat(thrown).hasRootCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMaxTriesSupplierReturningZeroFailsTheAsyncCallWithItsMessage() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(() -> 0)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(() -> CompletableFuture.failedFuture(new IOException("boom")));
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(call).as("the call must end (observed: pending forever)").isDone();
    assertThat(catchThrowable(call::join))
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage(
            "maxTries supplier of policy 'default' returned 0; it must return >= 1");
  }

  @Test
  void zeroWaitRetriesDoNotRecurseWhileHoldingTheMonitor() {
    int failures = 20_000;
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy policy =
        RetryPolicy.builder()
            .stop(Stop.never())
            .wait(Wait.none())
            .jitter(Jitter.none())
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(
                () ->
                    attempts.incrementAndGet() <= failures
                        ? CompletableFuture.failedFuture(new IOException("flaky"))
                        : CompletableFuture.completedFuture("ok"));

    // observed: every retry runs inside the previous settle() (scheduler runs 0-delay tasks inline,
    // executor is direct), so the stack grows per attempt and the call dies of StackOverflowError
    // everything runs inline (direct executor, manual scheduler, completed stages): no waiting
    assertThat(call).as("after %s attempts", attempts).isCompleted();
    assertThat(call.join()).isEqualTo("ok");
    assertThat(attempts).hasValue(failures + 1);
  }

  @Test
  void anExecutorRejectingTheNextAttemptEndsTheCallLikeAnyGiveUp() {
    List<RetryEvent> giveUps = new CopyOnWriteArrayList<>();
    IOException last = new IOException("attempt 1 failed");
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .onGiveUp(giveUps::add)
            .clock(clock)
            .scheduler(scheduler)
            .executor(
                task -> {
                  throw new RejectedExecutionException("executor shut down");
                })
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(() -> CompletableFuture.failedFuture(last));
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(call).isCompletedExceptionally();
    // observed: onGiveUp never fires and the future fails with the RejectedExecutionException; the
    // target's last failure (DESIGN §3 "the caller sees the last failure") is lost.
    assertThat(giveUps).as("onGiveUp events").hasSize(1);
    assertThat(call)
        .failsWithin(0, TimeUnit.SECONDS)
        .withThrowableOfType(Exception.class)
        .havingRootCause()
        .isSameAs(last);
  }

  @Test
  void aSchedulerRejectingTheBackOffEndsTheCallWithTheLastFailure() {
    List<RetryEvent> giveUps = new CopyOnWriteArrayList<>();
    IOException last = new IOException("attempt 1 failed");
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .onGiveUp(giveUps::add)
            .clock(clock)
            .scheduler(
                (task, delayNanos) -> {
                  throw new RejectedExecutionException("scheduler shut down");
                })
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(() -> CompletableFuture.failedFuture(last));

    assertThat(call).failsWithin(0, TimeUnit.SECONDS);
    assertThat(giveUps)
        .singleElement()
        .satisfies(giveUp -> assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.REJECTED));
    assertThat(catchThrowable(call::join)).hasCause(last);
  }

  @Test
  void aSchedulerRefusingTheAttemptTimeoutOfARetryEndsTheCallAndCancelsThatAttempt()
      throws InterruptedException {
    AtomicInteger accepted = new AtomicInteger(2); // attempt 1's timeout and the back-off
    List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    RetryPolicy policy =
        RetryPolicy.builder()
            .attemptTimeout(Duration.ofSeconds(1))
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .clock(clock)
            .scheduler(
                (task, delayNanos) -> {
                  if (accepted.getAndDecrement() <= 0) {
                    throw new RejectedExecutionException("scheduler shut down");
                  }
                  return scheduler.schedule(task, delayNanos);
                })
            .executor(executor)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    try {
      CompletableFuture<String> call =
          Retrying.of(policy)
              .callAsync(
                  () -> {
                    CompletableFuture<String> attempt = new CompletableFuture<>();
                    attempts.add(attempt);
                    return attempt;
                  });
      scheduler.advance(Duration.ofSeconds(1)); // attempt 1 times out
      scheduler.advance(Duration.ofSeconds(1)); // attempt 2 starts on the executor

      assertThat(call)
          .failsWithin(10, TimeUnit.SECONDS)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(RejectedExecutionException.class);
      assertThat(attempts).hasSize(2).allSatisfy(attempt -> assertThat(attempt).isCancelled());
    } finally {
      executor.shutdownNow();
    }
  }
}
