package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.stop.Stop;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The README's "Async, timeouts and deadlines" and aiomisc-faces snippets, compiled as written and
 * run on fake time (each policy with only its clock, scheduler and executor swapped).
 */
class ReadmeAsyncExamplesTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final QuoteClient client = new QuoteClient();

  private RetryPolicy onFakeTime(RetryPolicy policy) {
    return policy.toBuilder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF)
        .build();
  }

  private AsyncRetryingCaller onFakeTime(AsyncRetryingCaller caller) {
    return AsyncRetryingCaller.of(onFakeTime(caller.policy()));
  }

  private RetryPolicy readmeTimeoutPolicy() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .attemptTimeout(
                Duration.ofMillis(100)) // cancels a slow attempt: AttemptTimeoutException, retried
            .deadline(Duration.ofMillis(500)) // hard limit over all attempts and waits
            .wait(Wait.none())
            .stop(Stop.never())
            .build();
    return policy;
  }

  @Test
  void slowAttemptsAreCancelledAndRetriedUntilTheDeadlineFailsTheCall() {
    RetryPolicy policy = onFakeTime(readmeTimeoutPolicy());
    client.hangForever();

    CompletableFuture<Quote> quote = Retrying.of(policy).callAsync(() -> client.quoteAsync("ACME"));
    advanceInSteps(Duration.ofMillis(500));

    assertThat(client.pending).hasSize(5).allMatch(CompletableFuture::isCancelled);
    assertThat(failureOf(quote))
        .isInstanceOf(DeadlineExceededException.class)
        .cause()
        .isInstanceOf(AttemptTimeoutException.class);
  }

  @Test
  void aFailedStageIsRetriedAndTheFutureFailsWithTheOriginalFailure() {
    RetryPolicy policy =
        onFakeTime(readmeTimeoutPolicy().toBuilder().stop(Stop.afterAttempt(2)).build());
    IOException second = new IOException("2");
    client.failStages(new IOException("1"), second);

    CompletableFuture<Quote> quote = Retrying.of(policy).callAsync(() -> client.quoteAsync("ACME"));

    assertThat(client.calls).isEqualTo(2);
    assertThat(failureOf(quote)).isSameAs(second);
  }

  @Test
  void supplyAsyncRunsTheBlockingTargetOnThePolicysExecutor() throws Exception {
    RetryPolicy policy = onFakeTime(readmeTimeoutPolicy());
    client.failStages(new IOException("1"));

    CompletableFuture<Quote> blocking = Retrying.of(policy).supplyAsync(() -> client.quote("ACME"));

    assertThat(blocking.get()).isEqualTo(new Quote("ACME"));
    assertThat(client.calls).isEqualTo(2);
  }

  @Test
  void cancellingTheFutureCancelsTheInFlightAttemptAndSchedulesNothingMore() {
    RetryPolicy policy = onFakeTime(readmeTimeoutPolicy());
    client.hangForever();

    CompletableFuture<Quote> quote = Retrying.of(policy).callAsync(() -> client.quoteAsync("ACME"));
    quote.cancel(true);

    assertThat(client.pending).singleElement().matches(CompletableFuture::isCancelled);
    advanceInSteps(Duration.ofSeconds(1));
    assertThat(client.calls).isEqualTo(1);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void asyncRetryMakesThreeAttemptsBackToBack() {
    IOException third = new IOException("3");
    client.failStages(new IOException("1"), new IOException("2"), third);

    // asyncretry(3, exceptions=(IOException,)): 3 attempts back to back, no pause
    CompletableFuture<Quote> shortcut =
        onFakeTime(Retries.asyncRetry(3, IOException.class)).call(() -> client.quoteAsync("ACME"));

    assertThat(client.calls).isEqualTo(3);
    assertThat(clock.elapsed()).isZero();
    assertThat(failureOf(shortcut)).isSameAs(third);
  }

  @Test
  void asyncBackoffPausesFiftyMillisecondsAndRetriesUntilItsDeadline() {
    // asyncbackoff(attempt_timeout=0.1, deadline=1, pause=0.05, IOException)
    AsyncRetryingCaller backoff =
        Retries.asyncBackoff(
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            IOException.class);
    client.failStagesForever(new IOException("down"));

    CompletableFuture<Quote> quote = onFakeTime(backoff).call(() -> client.quoteAsync("ACME"));
    List<Integer> callsEvery50ms = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      callsEvery50ms.add(client.calls);
      scheduler.advance(Duration.ofMillis(50));
    }
    advanceInSteps(Duration.ofSeconds(1));

    assertThat(callsEvery50ms).containsExactly(1, 2, 3);
    assertThat(client.calls).isEqualTo(20);
    assertThat(failureOf(quote))
        .isInstanceOf(DeadlineExceededException.class)
        .cause()
        .isInstanceOf(IOException.class);
  }

  @Test
  void asyncBackoffWithMaxTriesAndGiveUpEndsOnAFailureItGivesUpOn() {
    // ... max_tries=3, giveup=lambda e: not is_transient(e)
    AsyncRetryingCaller limited =
        Retries.asyncBackoff(
            Duration.ofMillis(100),
            null,
            Duration.ofMillis(50),
            3,
            e -> !isTransient(e),
            IOException.class);
    IOException permanent = new IOException("permanent");
    client.failStages(new IOException("transient"), permanent);

    CompletableFuture<Quote> quote = onFakeTime(limited).call(() -> client.quoteAsync("ACME"));
    advanceInSteps(Duration.ofSeconds(1));

    assertThat(client.calls).isEqualTo(2);
    assertThat(failureOf(quote)).isSameAs(permanent);
  }

  @Test
  void asyncBackoffWithMaxTriesFailsWithTheLastFailureItself() {
    AsyncRetryingCaller limited =
        Retries.asyncBackoff(
            Duration.ofMillis(100),
            null,
            Duration.ofMillis(50),
            3,
            e -> !isTransient(e),
            IOException.class);
    client.failStagesForever(new IOException("transient"));

    CompletableFuture<Quote> quote = onFakeTime(limited).call(() -> client.quoteAsync("ACME"));
    advanceInSteps(Duration.ofSeconds(1));

    assertThat(client.calls).isEqualTo(3);
    assertThat(failureOf(quote)).isInstanceOf(IOException.class).hasMessage("transient");
  }

  @Test
  void asyncBackoffWithNoTypesRetriesOnlyAttemptTimeouts() {
    AsyncRetryingCaller onlyTimeouts =
        Retries.asyncBackoff(Duration.ofMillis(100), null, Duration.ZERO, 5, null);
    IOException failure = new IOException("not listed");
    client.failStages(failure);

    CompletableFuture<Quote> quote = onFakeTime(onlyTimeouts).call(() -> client.quoteAsync("ACME"));

    assertThat(client.calls).isEqualTo(1);
    assertThat(failureOf(quote)).isSameAs(failure);
  }

  /** Advances fake time 10 ms at a time, so every timer fires at its own time. */
  private void advanceInSteps(Duration total) {
    for (long ms = 0; ms < total.toMillis(); ms += 10) {
      scheduler.advance(Duration.ofMillis(10));
    }
  }

  private static boolean isTransient(Throwable e) {
    return "transient".equals(e.getMessage());
  }

  private static Throwable failureOf(CompletableFuture<?> future) {
    assertThat(future).isDone();
    try {
      future.get();
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isNotInstanceOf(CompletionException.class);
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the future succeeded: " + future.join());
  }

  /** A quote of a symbol. */
  record Quote(String symbol) {}

  /** A quote service whose stages fail as scripted, hang, or answer. */
  static final class QuoteClient {
    final List<CompletableFuture<Quote>> pending = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private Throwable forever;
    private boolean hang;
    int calls;

    void hangForever() {
      hang = true;
    }

    void failStages(Throwable... next) {
      failures.addAll(List.of(next));
    }

    void failStagesForever(Throwable failure) {
      forever = failure;
    }

    CompletableFuture<Quote> quoteAsync(String symbol) {
      calls++;
      if (hang) {
        CompletableFuture<Quote> stage = new CompletableFuture<>();
        pending.add(stage);
        return stage;
      }
      if (forever != null) {
        return CompletableFuture.failedFuture(forever);
      }
      return failures.isEmpty()
          ? CompletableFuture.completedFuture(new Quote(symbol))
          : CompletableFuture.failedFuture(failures.remove(0));
    }

    Quote quote(String symbol) throws Exception {
      try {
        return quoteAsync(symbol).join();
      } catch (CompletionException e) {
        throw (Exception) e.getCause();
      }
    }
  }
}
