package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A {@link VirtualMachineError} from an async target, or from a listener of the call, ends the call
 * with that very error, as on the blocking face: no fallback answers it, nothing more is scheduled,
 * and the returned future never hangs.
 */
class AsyncFatalErrorsTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger calls = new AtomicInteger();
  private final RetryPolicy withFallback =
      fakeTimePolicy(clock, scheduler)
          .wait(Wait.constant(Duration.ofSeconds(1)))
          .deadline(Duration.ofMinutes(1))
          .fallback(giveUp -> "fallback")
          .build();

  @Test
  void theBlockingFaceLetsAnOutOfMemoryErrorPassItsFallback() {
    OutOfMemoryError fatal = new OutOfMemoryError("heap");

    assertThatThrownBy(
            () ->
                Retrying.of(withFallback)
                    .call(
                        () -> {
                          throw fatal;
                        }))
        .isSameAs(fatal);
  }

  @Test
  void aStageFailingWithAStackOverflowErrorIsNotAnsweredByTheFallback() {
    StackOverflowError fatal = new StackOverflowError("deep");

    CompletableFuture<String> call =
        Retrying.of(withFallback).callAsync(() -> CompletableFuture.failedFuture(fatal));

    assertThat(failureOf(call)).isSameAs(fatal);
    assertThat(scheduler.pendingTasks()).as("the deadline timer is cancelled").isZero();
  }

  @Test
  void aSupplyAsyncTargetThrowingAnOutOfMemoryErrorInALaterAttemptEndsTheCallWithIt() {
    OutOfMemoryError fatal = new OutOfMemoryError("heap");

    CompletableFuture<String> call =
        Retrying.of(withFallback)
            .supplyAsync(
                () -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IOException("503");
                  }
                  throw fatal;
                });
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(failureOf(call)).isSameAs(fatal);
    assertThat(calls).hasValue(2);
  }

  @Test
  void aListenerThrowingAStackOverflowErrorWhenALateStageSucceedsFailsTheCallWithIt() {
    StackOverflowError fatal = new StackOverflowError("listener");
    CompletableFuture<String> pending = new CompletableFuture<>();
    RetryPolicy policy =
        fakeTimePolicy(clock, scheduler)
            .onSuccess(
                success -> {
                  throw fatal;
                })
            .build();

    CompletableFuture<String> call = Retrying.of(policy).callAsync(() -> pending);
    pending.complete("ok");

    assertThat(failureOf(call)).isSameAs(fatal);
  }

  @Test
  void aListenerThrowingAnOutOfMemoryErrorBeforeARetryFailsTheCallWithIt() {
    OutOfMemoryError fatal = new OutOfMemoryError("listener");
    RetryPolicy policy =
        fakeTimePolicy(clock, scheduler)
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .deadline(Duration.ofMinutes(1))
            .onAttempt(
                attempt -> {
                  if (attempt.attemptNumber() == 2) {
                    throw fatal;
                  }
                })
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(
                () -> {
                  calls.incrementAndGet();
                  return CompletableFuture.failedFuture(new IOException("503"));
                });
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(failureOf(call)).isSameAs(fatal);
    assertThat(calls).hasValue(1);
    assertThat(scheduler.pendingTasks()).as("the deadline timer is cancelled").isZero();
  }
}
