package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When an async call's future completes, every attempt future the call abandoned (a timed-out
 * attempt, an attempt the deadline cut short, a losing hedged copy) is already cancelled: a caller
 * reacting to the outcome never finds work of that call still running. Checked from the result's
 * own completion callback, in fake time.
 */
class AbandonedAttemptOrderTest {

  private static final Duration MS_100 = Duration.ofMillis(100);

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .wait(Wait.none())
        .jitter(Jitter.none())
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF);
  }

  /** An attempt whose future never completes on its own. */
  private CompletableFuture<String> hanging() {
    CompletableFuture<String> attempt = new CompletableFuture<>();
    attempts.add(attempt);
    return attempt;
  }

  /**
   * Runs the call and returns, as seen by the result's first completion callback, which attempt
   * futures were not cancelled yet at that moment.
   */
  private List<Boolean> stillRunningWhenTheCallEnds(Retrying retrying) {
    AtomicReference<List<Boolean>> seen = new AtomicReference<>();
    CompletableFuture<String> result = retrying.callAsync(this::hanging);
    result.whenComplete(
        (value, failure) -> seen.set(attempts.stream().map(attempt -> !attempt.isDone()).toList()));
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));
    assertThat(result).isCompletedExceptionally();
    return seen.get();
  }

  @Test
  void theLastTimedOutAttemptIsCancelledBeforeTheCallerSeesTheTimeout() {
    Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(2).build());

    List<Boolean> running = stillRunningWhenTheCallEnds(retrying);

    assertThat(running)
        .as("attempts still running when the call failed")
        .containsExactly(false, false);
    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt).isCancelled());
  }

  @Test
  void aTimedOutAttemptFailsWithTheTimeoutNotWithTheCancellationItCaused() {
    Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());
    CompletableFuture<String> result = retrying.callAsync(this::hanging);

    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));

    assertThat(result)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(Exception.class)
        .havingCause()
        .isInstanceOf(AttemptTimeoutException.class);
  }

  @Test
  void theAttemptTheDeadlineCutShortIsCancelledBeforeTheCallerSeesTheDeadline() {
    Retrying retrying = Retrying.of(policy().deadline(Duration.ofMillis(250)).build());

    List<Boolean> running = stillRunningWhenTheCallEnds(retrying);

    assertThat(running).as("attempts still running when the call failed").containsExactly(false);
    assertThat(attempts.get(0)).isCancelled();
  }

  @Test
  void losingHedgedCopiesAreCancelledBeforeTheCallerSeesTheTimeout() {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(3)
            .hedgeDelay(Duration.ofMillis(10))
            .scheduler(scheduler)
            .clock(clock)
            .executor(Runnable::run)
            .build();
    Retrying retrying =
        Retrying.of(policy().hedging(hedging).attemptTimeout(MS_100).maxTries(1).build());

    List<Boolean> running = stillRunningWhenTheCallEnds(retrying);

    assertThat(running)
        .as("copies still running when the call failed")
        .hasSize(3)
        .containsOnly(false);
  }

  @Test
  void anAttemptThatEndsBeforeItsTimeoutIsNotCancelled() throws Exception {
    Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).build());
    CompletableFuture<String> attempt = new CompletableFuture<>();

    CompletableFuture<String> result = retrying.callAsync(() -> attempt);
    scheduler.advance(Duration.ofMillis(50));
    attempt.complete("in time");

    assertThat(result).isCompletedWithValue("in time");
    assertThat(attempt).isNotCancelled();
    assertThat(scheduler.pendingTasks()).as("the timeout's timer is called off").isZero();
  }

  @Test
  void theDeadlineStillNamesTheLastTimedOutAttempt() {
    Retrying retrying =
        Retrying.of(
            policy().attemptTimeout(MS_100).deadline(Duration.ofMillis(250)).maxTries(10).build());
    CompletableFuture<String> result = retrying.callAsync(this::hanging);

    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));

    assertThat(result)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(Exception.class)
        .havingCause()
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt).isCancelled());
  }
}
