package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static io.backon.testfixtures.Async.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AsyncRetryingCaller;
import io.backon.GiveUpReason;
import io.backon.Retries;
import io.backon.RetriesExhaustedException;
import io.backon.RetryEvent;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.TestScope;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AsyncRetryingTest {

  private static final Duration WAIT = Duration.ofMillis(100);

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger calls = new AtomicInteger();

  private Retrying retrying() {
    return Retrying.of(fakeTimePolicy(clock, scheduler).wait(Wait.constant(WAIT)).build());
  }

  /** An async target whose attempt n fails with failures[n-1], then succeeds with "ok". */
  private Supplier<CompletionStage<String>> failingThenOk(Throwable... failures) {
    return () -> {
      int attempt = calls.incrementAndGet();
      return attempt <= failures.length
          ? CompletableFuture.failedFuture(failures[attempt - 1])
          : CompletableFuture.completedFuture("ok");
    };
  }

  private Supplier<CompletionStage<String>> alwaysFailing(Throwable failure) {
    return () -> {
      calls.incrementAndGet();
      return CompletableFuture.failedFuture(failure);
    };
  }

  @Test
  void thrownAndExceptionallyCompletedFailuresAreBothRetried() {
    IOException completedExceptionally = new IOException("503");
    CompletableFuture<String> result =
        retrying()
            .callAsync(
                () -> {
                  int attempt = calls.incrementAndGet();
                  if (attempt == 1) {
                    throw new IllegalStateException("connection pool exhausted");
                  }
                  return attempt == 2
                      ? CompletableFuture.<String>failedFuture(completedExceptionally)
                      : CompletableFuture.completedFuture("ok");
                });

    assertThat(calls).hasValue(1);
    scheduler.advance(WAIT);
    assertThat(calls).hasValue(2);
    assertThat(result).isNotDone();
    scheduler.advance(WAIT);

    assertThat(calls).hasValue(3);
    assertThat(result).isCompletedWithValue("ok");
  }

  @Test
  void theCallerSeesTheOriginalFailureUnwrapped() {
    IOException down = new IOException("down");
    CompletableFuture<String> result =
        Retrying.of(fakeTimePolicy(clock, scheduler).wait(Wait.none()).maxTries(2).build())
            .callAsync(
                () -> {
                  calls.incrementAndGet();
                  // a dependent stage reports its failure wrapped in a CompletionException
                  return CompletableFuture.<String>failedFuture(down).thenApply(String::trim);
                });

    assertThat(calls).hasValue(2);
    assertThat(failureOf(result)).isSameAs(down).isNotInstanceOf(CompletionException.class);
  }

  @Test
  void aThrownFailureReachesTheCallerUnchangedToo() {
    IllegalStateException exhausted = new IllegalStateException("pool exhausted");
    CompletableFuture<String> result =
        Retrying.of(fakeTimePolicy(clock, scheduler).wait(Wait.none()).maxTries(3).build())
            .callAsync(
                () -> {
                  calls.incrementAndGet();
                  throw exhausted;
                });

    assertThat(calls).hasValue(3);
    assertThat(failureOf(result)).isSameAs(exhausted);
  }

  @Test
  void waitsAreScheduledWithoutBlockingAnyThread() {
    // the policy's sleeper fails the test if anything sleeps
    CompletableFuture<String> result = retrying().callAsync(failingThenOk(new IOException("1")));

    assertThat(result).isNotDone();
    assertThat(calls).hasValue(1);
    assertThat(scheduler.pendingTasks()).as("the back-off wait").isEqualTo(1);

    scheduler.advance(WAIT.minusMillis(1));
    assertThat(calls).hasValue(1);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(result).isCompletedWithValue("ok");
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void theFirstAttemptRunsOnTheCallingThreadAndLaterOnesOnTheExecutor() {
    List<Thread> attemptThreads = new CopyOnWriteArrayList<>();
    AtomicInteger executed = new AtomicInteger();
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.constant(WAIT))
                .executor(
                    task -> {
                      executed.incrementAndGet();
                      task.run();
                    })
                .build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              attemptThreads.add(Thread.currentThread());
              return failingThenOk(new IOException("1"), new IOException("2")).get();
            });
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(1));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(attemptThreads.get(0)).isSameAs(Thread.currentThread());
    assertThat(executed).as("attempts 2 and 3 went through the executor").hasValue(2);
  }

  @Test
  void theFluentCallerRetriesOnlyTheGivenTypes() {
    AsyncRetryingCaller caller =
        AsyncRetryingCaller.of(
                fakeTimePolicy(clock, scheduler).wait(Wait.none()).maxTries(3).build())
            .on(IOException.class);

    assertThat(caller.call(failingThenOk(new IOException("1"), new IOException("2"))))
        .isCompletedWithValue("ok");
    assertThat(calls).hasValue(3);

    calls.set(0);
    IllegalStateException bug = new IllegalStateException("bug");
    CompletableFuture<String> notRetried = caller.call(alwaysFailing(bug));
    assertThat(calls).hasValue(1);
    assertThat(failureOf(notRetried)).isSameAs(bug);
  }

  @Test
  void theFluentCallerRetriesRejectedValues() {
    AsyncRetryingCaller caller =
        AsyncRetryingCaller.of(
                fakeTimePolicy(clock, scheduler).wait(Wait.none()).maxTries(5).build())
            .onResult(value -> "pending".equals(value));

    CompletableFuture<String> result =
        caller.call(
            () ->
                CompletableFuture.completedFuture(
                    calls.incrementAndGet() < 3 ? "pending" : "done"));

    assertThat(result).isCompletedWithValue("done");
    assertThat(calls).hasValue(3);
  }

  @Test
  void retryAsyncUsesTheSameEngine() {
    IOException down = new IOException("down");

    CompletableFuture<String> result =
        Retries.retryAsync(
            failingThenOk(down, down), fakeTimePolicy(clock, scheduler).wait(Wait.none()).build());

    assertThat(result).isCompletedWithValue("ok");
    assertThat(calls).hasValue(3);
    calls.set(0);
    CompletableFuture<String> exhausted =
        Retries.retryAsync(
            alwaysFailing(down),
            fakeTimePolicy(clock, scheduler).wait(Wait.none()).maxTries(2).build());
    assertThat(failureOf(exhausted)).isSameAs(down);
    assertThat(calls).hasValue(2);
  }

  @Test
  void asyncRetryMakesAtMostMaxTriesAttemptsOnTheGivenTypes() {
    IOException down = new IOException("down");
    try (TestScope noWaits = BackonTesting.removeBackoff()) {
      CompletableFuture<String> exhausted =
          Retries.asyncRetry(4, IOException.class).call(alwaysFailing(down));
      assertThat(failureOf(exhausted)).isSameAs(down);
      assertThat(calls).hasValue(4);

      calls.set(0);
      IllegalStateException bug = new IllegalStateException("bug");
      CompletableFuture<String> notRetried =
          Retries.asyncRetry(4, IOException.class).call(alwaysFailing(bug));
      assertThat(failureOf(notRetried)).isSameAs(bug);
      assertThat(calls).hasValue(1);

      calls.set(0);
      CompletableFuture<String> anyException = Retries.asyncRetry(3).call(failingThenOk(bug, down));
      assertThat(valueOf(anyException)).isEqualTo("ok");
      assertThat(calls).hasValue(3);
    }
  }

  @Test
  void rejectedValuesAreRetriedAndGiveUpWithRetriesExhausted() {
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.none())
                .maxTries(3)
                .retryIfResult(value -> value == null)
                .build());

    CompletableFuture<@Nullable String> result =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              return CompletableFuture.completedFuture(null);
            });

    assertThat(calls).hasValue(3);
    assertThat(failureOf(result))
        .isInstanceOfSatisfying(
            RetriesExhaustedException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.reason()).isEqualTo(GiveUpReason.MAX_TRIES);
              assertThat(e.lastValue()).isNull();
            });
  }

  @Test
  void withoutRaisingTheLastRejectedValueIsReturned() {
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.none())
                .maxTries(3)
                .retryIfResult(value -> ((String) value).startsWith("pending"))
                .raiseOnGiveUp(false)
                .build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> CompletableFuture.completedFuture("pending #" + calls.incrementAndGet()));

    assertThat(result).isCompletedWithValue("pending #3");
  }

  @Test
  void withoutRaisingAFailedCallCompletesWithNull() {
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.none())
                .maxTries(2)
                .raiseOnGiveUp(false)
                .build());

    CompletableFuture<String> result = retrying.callAsync(alwaysFailing(new IOException("down")));

    assertThat(result).isCompletedWithValue(null);
    assertThat(calls).hasValue(2);
  }

  @Test
  void theFallbackValueCompletesAGivenUpCall() {
    IOException down = new IOException("down");
    AtomicReference<RetryEvent> seen = new AtomicReference<>();
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.constant(WAIT))
                .maxTries(2)
                .fallback(
                    giveUp -> {
                      seen.set(giveUp);
                      return "cached";
                    })
                .build());

    CompletableFuture<String> result = retrying.callAsync(alwaysFailing(down));
    scheduler.advance(WAIT);

    assertThat(result).isCompletedWithValue("cached");
    assertThat(seen.get().attemptNumber()).isEqualTo(2);
    assertThat(seen.get().failure()).isSameAs(down);
    assertThat(seen.get().giveUpReason()).isEqualTo(GiveUpReason.MAX_TRIES);
  }

  @Test
  void aFailingFallbackFailsTheCallWithTheLastFailureSuppressed() {
    IOException down = new IOException("down");
    IllegalStateException noCache = new IllegalStateException("no cache");
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(clock, scheduler)
                .wait(Wait.none())
                .maxTries(2)
                .fallback(
                    giveUp -> {
                      throw noCache;
                    })
                .build());

    CompletableFuture<String> result = retrying.callAsync(alwaysFailing(down));

    assertThat(failureOf(result)).isSameAs(noCache);
    assertThat(noCache.getSuppressed()).containsExactly(down);
  }

  @Test
  void aSupplierReturningNullCountsAsAFailedAttempt() {
    Retrying retrying = Retrying.of(fakeTimePolicy(clock, scheduler).wait(Wait.none()).build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              return null;
            });

    assertThat(calls).hasValue(3);
    assertThat(failureOf(result))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("returned null");
  }
}
