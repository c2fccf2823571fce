package io.backon;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The aiomisc face {@link Retries#asyncRetry}: back-to-back attempts for the given types. */
class AiomiscAsyncRetryTest extends AiomiscFacesFixture {

  // ------------------------------------------------------------------------------- asyncRetry

  @Test
  void asyncRetryWaitsNothingBetweenAttempts() {
    RetryPolicy policy = Retries.asyncRetry(3, IOException.class).policy();

    assertThat(policy.waitStrategy()).isSameAs(Wait.none());
    assertThat(policy.jitter()).isSameAs(Jitter.none());
    assertThat(policy.maxTries()).isEqualTo(3);
    assertThat(policy.attemptTimeoutNanos()).as("no attempt timeout").isEqualTo(-1);
    assertThat(policy.deadlineNanos()).as("no deadline").isEqualTo(-1);
  }

  @Test
  void asyncRetryMakesItsAttemptsBackToBackWithoutTimePassing() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncRetry(3, IOException.class)).call(failing(this::ioFailure));

    assertThat(result).as("done without advancing the clock").isDone();
    assertThat(calls).hasValue(3);
    assertThat(failureOf(result)).isSameAs(thrown.get(2));
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void asyncRetryGivesUpAfterMaxTriesWithTheLastFailureOnTheRealScheduler() {
    CompletableFuture<String> result =
        Retries.asyncRetry(3, IOException.class).call(failing(this::ioFailure));

    assertThat(failureOf(result)).isSameAs(thrown.get(2));
    assertThat(calls).hasValue(3);
  }

  @Test
  void asyncRetryDoesNotRetryTypesItWasNotGiven() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncRetry(3, IOException.class))
            .call(failingThenOk(2, () -> new IllegalStateException("bug")));

    assertThat(failureOf(result)).isSameAs(thrown.get(0));
    assertThat(calls).hasValue(1);
  }

  @Test
  void asyncRetryWithoutTypesRetriesAnyException() {
    CompletableFuture<String> result =
        onFakeTime(Retries.asyncRetry(3))
            .call(failingThenOk(3, () -> new IllegalStateException("bug")));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void asyncRetryRejectsZeroTriesWithTheRule() {
    assertThatThrownBy(() -> Retries.asyncRetry(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTries must be >= 1 but was 0");
  }
}
