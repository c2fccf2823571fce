package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.RetryEvent;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A breaker whose {@code recordResult} predicate throws on a value fails that attempt with the
 * predicate's exception on every face, as the blocking face does: the failure is retried like any
 * other, never lost, the value it judged is not returned, and the trial slot it held is freed.
 */
class ThrowingBreakerPredicateTest extends PipelineFixture {

  private static final String POISONED = "poisoned";

  /** HALF_OPEN with one trial slot; stays HALF_OPEN after one success (two close it). */
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("prices")
          .clock(clock)
          .halfOpenMaxCalls(1)
          .successThreshold(2)
          .recordResult(
              value -> {
                if (POISONED.equals(value)) {
                  throw new IllegalStateException("predicate bug");
                }
                return false;
              })
          .build();

  {
    breaker.halfOpen();
  }

  /** Answers {@link #POISONED} first, then "42". */
  private String answer() {
    return invocations.incrementAndGet() == 1 ? POISONED : "42";
  }

  @Test
  void aBlockingAttemptWhoseValueThePredicateChokesOnFailsAndIsRetried() throws Exception {
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(3).circuitBreaker(breaker).build());

    assertThat(retrying.call(this::answer)).isEqualTo("42");

    assertThat(invocations).hasValue(2);
    assertThat(theFirstFailure()).hasMessage("predicate bug");
    assertTheTrialSlotIsFree();
  }

  @Test
  void anIteratorAttemptWhoseValueThePredicateChokesOnFailsAndIsRetried() throws Exception {
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(3).circuitBreaker(breaker).build());

    Attempts<String> attempts = retrying.attempts();
    for (Attempt<String> attempt : attempts) {
      attempt.succeed(answer());
    }

    assertThat(attempts.result()).isEqualTo("42");
    assertThat(invocations).hasValue(2);
    assertThat(theFirstFailure()).hasMessage("predicate bug");
    assertTheTrialSlotIsFree();
  }

  @Test
  void anAsyncAttemptCompletedLaterFailsWithThePredicatesExceptionAndIsRetried() {
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(3).circuitBreaker(breaker).build());
    List<CompletableFuture<String>> pending = new CopyOnWriteArrayList<>();

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              CompletableFuture<String> attempt = new CompletableFuture<>();
              pending.add(attempt);
              return attempt;
            });
    pending.get(0).complete(answer());
    advance(WAIT.toMillis());
    pending.get(1).complete(answer());

    assertThat(result).isCompletedWithValue("42");
    assertThat(theFirstFailure()).hasMessage("predicate bug");
    assertTheTrialSlotIsFree();
  }

  @Test
  void anAsyncAttemptAlreadyCompletedFailsWithThePredicatesExceptionInsteadOfThrowingToTheCaller() {
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(3).circuitBreaker(breaker).build());

    CompletableFuture<String> result =
        retrying.callAsync(() -> CompletableFuture.completedFuture(answer()));
    advance(WAIT.toMillis());

    assertThat(result).isCompletedWithValue("42");
    assertThat(theFirstFailure()).hasMessage("predicate bug");
    assertTheTrialSlotIsFree();
  }

  @Test
  void theLastAsyncAttemptsPredicateFailureIsWhatTheCallerSees() {
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(1).circuitBreaker(breaker).build());
    CompletableFuture<String> attempt = new CompletableFuture<>();

    CompletableFuture<String> result = retrying.callAsync(() -> attempt);
    attempt.complete(POISONED);

    assertThat(failureOf(result))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("predicate bug");
    assertTheTrialSlotIsFree();
  }

  /** The failure of the first attempt that failed, as the events tell it. */
  private Throwable theFirstFailure() {
    return events.stream()
        .map(RetryEvent::failure)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow();
  }

  private void assertTheTrialSlotIsFree() {
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("no trial slot leaked").isTrue();
  }
}
