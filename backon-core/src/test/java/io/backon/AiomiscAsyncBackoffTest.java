package io.backon;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.valueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.stop.Stop;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The aiomisc face {@link Retries#asyncBackoff}: a fixed pause, attempt timeouts, a deadline,
 * give-up rules, and the arguments it rejects.
 */
class AiomiscAsyncBackoffTest extends AiomiscFacesFixture {

  // ----------------------------------------------------------------------------- asyncBackoff

  @Test
  void asyncBackoffWaitsTheSamePauseBeforeEveryRetryWithoutJitter() {
    RetryPolicy policy =
        Retries.asyncBackoff(null, null, MS_200, 3, null, IOException.class).policy();

    assertThat(policy.waitStrategy()).isEqualTo(Wait.constant(MS_200));
    assertThat(policy.jitter()).isSameAs(Jitter.none());
  }

  @Test
  void asyncBackoffStartsTheNextAttemptExactlyWhenThePauseEnds() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, null, MS_200, 3, null, IOException.class))
            .call(failingThenOk(3, this::ioFailure));

    scheduler.advance(MS_200.minusNanos(1));
    assertThat(calls).hasValue(1);
    scheduler.advance(Duration.ofNanos(1));
    assertThat(calls).hasValue(2);
    scheduler.advance(MS_200);

    assertThat(result).isCompletedWithValue("ok");
    assertThat(clock.elapsed()).isEqualTo(MS_200.multipliedBy(2));
  }

  @Test
  void asyncBackoffWithAZeroPauseWaitsNothing() {
    RetryPolicy policy = Retries.asyncBackoff(null, SECOND, Duration.ZERO).policy();

    assertThat(policy.waitStrategy()).isSameAs(Wait.none());
  }

  @Test
  void asyncBackoffCancelsAnAttemptThatRunsPastTheAttemptTimeoutAndRetriesIt() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(MS_100, null, Duration.ZERO, 3, null, IOException.class))
            .call(() -> calls.incrementAndGet() == 1 ? hanging() : completed("ok"));

    scheduler.advance(MS_100);

    assertThat(result).isCompletedWithValue("ok");
    assertThat(calls).hasValue(2);
    assertThat(attempts.get(0)).as("the slow attempt's future").isCancelled();
  }

  @Test
  void asyncBackoffWithoutTypesRetriesOnlyAttemptTimeouts() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(MS_100, SECOND, Duration.ZERO))
            .call(
                () -> {
                  switch (calls.incrementAndGet()) {
                    case 1:
                      return hanging();
                    case 2:
                      return failed(ioFailure());
                    default:
                      return completed("a retry of the IOException");
                  }
                });

    scheduler.advance(MS_100);

    assertThat(result).as("the IOException after the timeout is not retried").isDone();
    assertThat(failureOf(result)).isSameAs(thrown.get(0));
    assertThat(calls).hasValue(2);
  }

  @Test
  void asyncBackoffDoesNotRetryTypesItWasNotGiven() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, SECOND, Duration.ZERO, IOException.class))
            .call(failingThenOk(2, () -> new IllegalStateException("bug")));

    assertThat(failureOf(result)).isSameAs(thrown.get(0));
    assertThat(calls).hasValue(1);
  }

  @Test
  void asyncBackoffEndsAtTheDeadlineWithDeadlineExceededCausedByTheLastFailure() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, MS_500, MS_100, IOException.class))
            .call(failing(this::ioFailure));

    advanceUntilDone(result);

    assertThat(failureOf(result))
        .isInstanceOfSatisfying(
            DeadlineExceededException.class,
            e -> {
              assertThat(e.deadline()).isEqualTo(MS_500);
              assertThat(e.attempts()).as("more than the default 3: no max_tries").isEqualTo(5);
              assertThat(e.getCause()).isSameAs(thrown.get(4));
            });
    assertThat(calls).hasValue(5);
  }

  @Test
  void asyncBackoffCancelsTheRunningAttemptWhenTheDeadlinePasses() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, MS_500, Duration.ZERO, IOException.class))
            .call(() -> calls.incrementAndGet() == 1 ? failed(ioFailure()) : hanging());

    scheduler.advance(MS_500);

    assertThat(failureOf(result))
        .isInstanceOfSatisfying(
            DeadlineExceededException.class, e -> assertThat(e.getCause()).isSameAs(thrown.get(0)));
    assertThat(attempts.get(1)).as("the attempt running at the deadline").isCancelled();
  }

  @Test
  void asyncBackoffEndsWhenThePauseWouldEndAfterTheDeadlineWithoutWaitingForIt() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, MS_500, Duration.ofMillis(300), IOException.class))
            .call(failing(this::ioFailure));

    scheduler.advance(Duration.ofMillis(300));

    assertThat(result).as("a second pause would end at 600 ms, after the deadline").isDone();
    assertThat(failureOf(result))
        .isInstanceOf(DeadlineExceededException.class)
        .hasCauseReference(thrown.get(1));
    assertThat(calls).hasValue(2);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void asyncBackoffCutsTheLastAttemptAtTheDeadlineBeforeItsOwnTimeout() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(Duration.ofMillis(300), MS_500, Duration.ZERO))
            .call(this::hanging);

    scheduler.advance(Duration.ofMillis(300));
    assertThat(result).as("the first attempt timed out and is retried").isNotDone();
    scheduler.advance(MS_200);

    assertThat(failureOf(result))
        .isInstanceOf(DeadlineExceededException.class)
        .cause()
        .isInstanceOf(AttemptTimeoutException.class);
    assertThat(attempts).hasSize(2).allSatisfy(attempt -> assertThat(attempt).isCancelled());
  }

  @Test
  void asyncBackoffWithoutDeadlineOrMaxTriesRetriesUntilItSucceeds() {
    AsyncRetryingCaller face = Retries.asyncBackoff(null, null, Duration.ZERO, IOException.class);

    CompletableFuture<String> result = onFakeTime(face).call(failingThenOk(10, this::ioFailure));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(calls).hasValue(10);
    assertThat(face.policy().stop()).isSameAs(Stop.never());
    assertThat(face.policy().attemptTimeoutNanos()).isEqualTo(-1);
    assertThat(face.policy().deadlineNanos()).isEqualTo(-1);
  }

  @Test
  void asyncBackoffGivesUpAfterMaxTriesWithTheLastFailureItself() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, SECOND, Duration.ZERO, 2, null, IOException.class))
            .call(failing(this::ioFailure));

    assertThat(failureOf(result)).isSameAs(thrown.get(1));
    assertThat(calls).hasValue(2);
  }

  @Test
  void asyncBackoffStopsAtOnceWhenGiveUpSaysSo() {
    List<Throwable> asked = new CopyOnWriteArrayList<>();
    CompletableFuture<String> result =
        onFakeTime(
                Retries.asyncBackoff(
                    null,
                    null,
                    SECOND,
                    5,
                    failure -> asked.add(failure) && calls.get() == 2,
                    IOException.class))
            .call(failing(this::ioFailure));

    scheduler.advance(SECOND);

    assertThat(result).as("no pause after the give-up").isDone();
    assertThat(failureOf(result)).isSameAs(thrown.get(1));
    assertThat(calls).hasValue(2);
    assertThat(asked).containsExactlyElementsOf(thrown);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void asyncBackoffAsksGiveUpOnlyAboutFailuresItRetries() {
    List<Throwable> asked = new CopyOnWriteArrayList<>();
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncBackoff(null, null, SECOND, 5, asked::add, IOException.class))
            .call(failingThenOk(2, () -> new IllegalStateException("bug")));

    assertThat(failureOf(result)).isSameAs(thrown.get(0));
    assertThat(asked).isEmpty();
  }

  @Test
  void asyncBackoffRetriesOnTheRealScheduler() {
    CompletableFuture<String> result =
        Retries.asyncBackoff(null, Duration.ofSeconds(30), Duration.ofMillis(1), IOException.class)
            .call(failingThenOk(3, this::ioFailure));

    assertThat(valueOf(result)).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  // ---------------------------------------------------------------------- argument checks

  @Test
  void asyncBackoffRejectsANegativePauseWithTheRule() {
    assertThatThrownBy(() -> Retries.asyncBackoff(null, null, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pause must be >= 0 but was PT-1S");
  }

  @Test
  void asyncBackoffRejectsANullPauseNamingIt() {
    assertThatThrownBy(() -> Retries.asyncBackoff(null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("pause");
  }

  @Test
  void asyncBackoffRejectsAZeroAttemptTimeoutWithTheRule() {
    assertThatThrownBy(() -> Retries.asyncBackoff(Duration.ZERO, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attemptTimeout must be > 0 but was PT0S");
  }

  @Test
  void asyncBackoffRejectsANegativeDeadlineWithTheRule() {
    assertThatThrownBy(() -> Retries.asyncBackoff(null, Duration.ofMillis(-5), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be > 0 but was PT-0.005S");
  }

  @Test
  void asyncBackoffRejectsZeroMaxTriesWithTheRule() {
    assertThatThrownBy(() -> Retries.asyncBackoff(null, SECOND, Duration.ZERO, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTries must be >= 1 but was 0");
  }

  @Test
  void asyncBackoffRejectsANullExceptionTypeNamingItsPosition() {
    assertThatThrownBy(
            () -> Retries.asyncBackoff(null, SECOND, Duration.ZERO, IOException.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("exceptions[1]");
  }
}
