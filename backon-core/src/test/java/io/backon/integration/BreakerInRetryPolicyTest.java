package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.internal.Pipeline;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A circuit breaker inside a retry policy guards every attempt, on every face (blocking, iterator,
 * async): it counts attempts (not calls), a rejection ends the call at once unless {@code
 * retryOnCircuitOpen}, ignored failures are retried without counting, and an attempt ended by an
 * Error never keeps its permission. Breaker, sleeper and scheduler share one fake clock.
 */
class BreakerInRetryPolicyTest extends BreakerFixture {

  CompletableFuture<String> flakyAsync(int failures) {
    try {
      return CompletableFuture.completedFuture(flaky(failures));
    } catch (IOException e) {
      return failed(e);
    }
  }

  private static String overflow() {
    throw new StackOverflowError("simulated deep recursion in the target");
  }

  /** Throws a failure type the breaker ignores. */
  private String notFound() {
    invocations.incrementAndGet();
    throw new NotFoundException();
  }

  static final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException() {
      super("no such item");
    }
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void theBreakerCountsEveryAttemptNotEveryCall() {
    CircuitBreaker breaker = breaker(10).build();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(3).circuitBreaker(breaker).build());

    Throwable thrown = catchThrowable(() -> retrying.call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(thrown).isInstanceOf(IOException.class).hasMessage("down #3");
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).as("one recorded call per attempt").isEqualTo(3);
    assertThat(snapshot.failedCalls()).isEqualTo(3);
    assertThat(snapshot.consecutiveFailures()).isEqualTo(3);
    assertThat(snapshot.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aRetriedCallThatSucceedsRecordsItsFailedAttemptsAndTheSuccess() throws Exception {
    CircuitBreaker breaker = breaker(10).build();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(5).circuitBreaker(breaker).build());

    assertThat(retrying.call(() -> flaky(2))).isEqualTo("in stock");

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(3);
    assertThat(snapshot.failedCalls()).isEqualTo(2);
    assertThat(snapshot.consecutiveFailures()).as("reset by the success").isZero();
  }

  @Test
  void aBreakerThatOpensDuringTheRetriesEndsTheCallAtOnceWithCircuitOpenException() {
    CircuitBreaker breaker = breaker(3).build();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(5).circuitBreaker(breaker).build());

    Throwable thrown = catchThrowable(() -> retrying.call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    CircuitOpenException rejection = (CircuitOpenException) thrown;
    assertThat(rejection.breakerName()).isEqualTo("inventory");
    assertThat(rejection.state()).isEqualTo(CircuitState.OPEN);
    assertThat(rejection.remainingOpenTime()).isPositive();
    assertThat(invocations).as("the rejected 4th attempt never reached the target").hasValue(3);
    assertThat(attempts()).containsExactly(1, 2, 3, 4);
    assertThat(sleeper.sleeps())
        .as("no back-off before the attempt the open breaker rejects, none after the rejection")
        .containsExactly(WAIT, WAIT, Duration.ZERO);
    RetryEvent giveUp = theGiveUp();
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    assertThat(giveUp.attemptNumber()).isEqualTo(4);
    assertThat(giveUp.failure()).isSameAs(thrown);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
    assertThat(transitions).containsExactly("CLOSED->OPEN");
  }

  @Test
  void anOpenBreakerRejectsTheFirstAttemptOfTheNextCallWithoutCallingTheTarget() {
    CircuitBreaker breaker = breaker(3).build();
    breaker.forceOpen();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(5).circuitBreaker(breaker).build());

    Throwable thrown = catchThrowable(() -> retrying.call(() -> flaky(0)));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    assertThat(invocations).hasValue(0);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void withRetryOnCircuitOpenTheRejectionsAreRetriedUntilATrialCallClosesTheBreaker()
      throws Exception {
    CircuitBreaker breaker = breaker(3).build();
    Retrying retrying =
        Retrying.of(
            blockingPolicy()
                .maxTries(10)
                .wait(Wait.constant(Duration.ofMillis(400)))
                .circuitBreaker(breaker)
                .retryOnCircuitOpen(true)
                .build());

    // t=0, 400, 800: failures (opens at 800 until 1800); 1200, 1600: rejected; 2000: trial succeeds
    String value = retrying.call(() -> flaky(3));

    assertThat(value).isEqualTo("in stock");
    assertThat(invocations).as("rejected attempts never reach the target").hasValue(4);
    assertThat(attempts()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(2);
    assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(2000));
    assertThat(events(EventType.GIVE_UP)).isEmpty();
  }

  @Test
  void failuresTheBreakerIgnoresAreRetriedButNeverCounted() {
    CircuitBreaker breaker = breaker(3).ignoreOn(NotFoundException.class).build();
    Retrying retrying = Retrying.of(blockingPolicy().maxTries(5).circuitBreaker(breaker).build());

    Throwable thrown = catchThrowable(() -> retrying.call(this::notFound));

    assertThat(thrown).isInstanceOf(NotFoundException.class);
    assertThat(invocations).as("retried like any failure").hasValue(5);
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(snapshot.bufferedCalls()).isZero();
    assertThat(snapshot.failedCalls()).isZero();
    assertThat(snapshot.consecutiveFailures()).isZero();
    assertThat(transitions).isEmpty();
  }

  @Test
  void theIteratorFaceAsksTheCircuitBreakerLikeEveryOtherFace() throws Exception {
    CircuitBreaker breaker = CircuitBreaker.builder("review-iterator").clock(clock).build();
    breaker.forceOpen();
    RetryPolicy policy =
        RetryPolicy.builder()
            .circuitBreaker(breaker)
            .clock(clock)
            .sleeper(sleeper)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();
    Retrying retrying = Retrying.of(policy);
    AtomicInteger targetRuns = new AtomicInteger();

    Throwable viaCall = catchThrowable(() -> retrying.call(targetRuns::incrementAndGet));
    assertThat(viaCall).isInstanceOf(CircuitOpenException.class);
    assertThat(targetRuns).hasValue(0);

    Attempts<Integer> attempts = retrying.attempts();
    for (Attempt<Integer> attempt : attempts) {
      attempt.succeed(targetRuns.incrementAndGet());
    }
    // observed: the iterator face ignores breaker (and attemptTimeout / hedging) entirely: the
    // forced-open breaker is bypassed and the downstream is called
    assertThat(catchThrowable(attempts::result)).isInstanceOf(CircuitOpenException.class);
    assertThat(targetRuns).hasValue(0);
  }

  @Test
  void aTargetThrowingAnErrorDoesNotKeepTheHalfOpenTrialPermissionForever() throws Exception {
    CircuitBreaker breaker =
        CircuitBreaker.builder("review")
            .halfOpenMaxCalls(1)
            .successThreshold(1)
            .clock(clock)
            .build();
    breaker.halfOpen();
    RetryPolicy policy =
        RetryPolicy.builder()
            .circuitBreaker(breaker)
            .maxTries(1)
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();
    Retrying retrying = Retrying.of(policy);

    assertThatThrownBy(() -> retrying.call(BreakerInRetryPolicyTest::overflow))
        .isInstanceOf(StackOverflowError.class);

    // The single trial permission must have been recorded (-> OPEN) or released (-> HALF_OPEN with
    // a free slot); observed: still held, so HALF_OPEN rejects every call until someone resets it.
    if (breaker.state() == CircuitState.HALF_OPEN) {
      assertThat(retrying.call(() -> "recovered")).isEqualTo("recovered");
    } else {
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }
  }

  // ---------------------------------------------------------------- async face

  @Test
  void theBreakerCountsEveryAsyncAttemptNotEveryCall() {
    CircuitBreaker breaker = breaker(10).build();
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(3).circuitBreaker(breaker).build());

    CompletableFuture<String> result = retrying.callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(result, WAIT);

    assertThat(failureOf(result)).isInstanceOf(IOException.class).hasMessage("down #3");
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(3);
    assertThat(snapshot.failedCalls()).isEqualTo(3);
    assertThat(snapshot.consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void aBreakerThatOpensDuringAsyncRetriesEndsTheCallAtOnceWithCircuitOpenException() {
    CircuitBreaker breaker = breaker(3).build();
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(5).circuitBreaker(breaker).build());

    CompletableFuture<String> result = retrying.callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(result, WAIT);

    Throwable failure = failureOf(result);
    assertThat(failure).isInstanceOf(CircuitOpenException.class);
    assertThat(((CircuitOpenException) failure).state()).isEqualTo(CircuitState.OPEN);
    assertThat(invocations).hasValue(3);
    assertThat(attempts()).containsExactly(1, 2, 3, 4);
    RetryEvent giveUp = theGiveUp();
    assertThat(giveUp.giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    assertThat(giveUp.attemptNumber()).isEqualTo(4);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
    assertThat(scheduler.pendingTasks()).as("nothing more scheduled").isZero();
    assertThat(clock.elapsed())
        .as("two back-offs: none before the rejected attempt, none after the rejection")
        .isEqualTo(WAIT.multipliedBy(2));
  }

  @Test
  void withRetryOnCircuitOpenAsyncRejectionsAreRetriedUntilATrialCallClosesTheBreaker() {
    CircuitBreaker breaker = breaker(3).build();
    Retrying retrying =
        Retrying.of(
            asyncPolicy()
                .maxTries(10)
                .wait(Wait.constant(Duration.ofMillis(400)))
                .circuitBreaker(breaker)
                .retryOnCircuitOpen(true)
                .build());

    CompletableFuture<String> result = retrying.callAsync(() -> flakyAsync(3));
    advanceUntilDone(result, WAIT);

    assertThat(result).isCompletedWithValue("in stock");
    assertThat(invocations).hasValue(4);
    assertThat(attempts()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(2);
    assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(2000));
  }

  @Test
  void asyncFailuresTheBreakerIgnoresAreRetriedButNeverCounted() {
    CircuitBreaker breaker = breaker(3).ignoreOn(NotFoundException.class).build();
    Retrying retrying = Retrying.of(asyncPolicy().maxTries(5).circuitBreaker(breaker).build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              try {
                return CompletableFuture.completedFuture(notFound());
              } catch (NotFoundException e) {
                return failed(e);
              }
            });
    advanceUntilDone(result, WAIT);

    assertThat(failureOf(result)).isInstanceOf(NotFoundException.class);
    assertThat(invocations).hasValue(5);
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(snapshot.bufferedCalls()).isZero();
    assertThat(snapshot.consecutiveFailures()).isZero();
    assertThat(transitions).isEmpty();
  }

  @Test
  void policiesWithoutRetryOnCircuitOpenAbortOnRejectionsOnly() {
    RetryPolicy plain = RetryPolicy.builder().build();
    RetryPolicy retrying = RetryPolicy.builder().retryOnCircuitOpen(true).build();
    CircuitOpenException rejection =
        new CircuitOpenException("inventory", CircuitState.OPEN, Duration.ofSeconds(1));

    assertThat(Pipeline.of(plain).aborts(rejection)).isTrue();
    assertThat(Pipeline.of(retrying).aborts(rejection)).isFalse();
    assertThat(Pipeline.of(plain).aborts(new IOException("down"))).isFalse();
  }
}
