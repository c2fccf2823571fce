package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A Flux attempt reports to the breaker itself: failures, durations and cancellation. */
class ReactorFluxBreakerTest {

  private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

  private static CircuitBreaker slowAfterOneSecond() {
    return CircuitBreaker.builder("stream")
        .failureThreshold(10)
        .countBasedWindow(50)
        .minimumCalls(50)
        .slowCallDuration(Duration.ofSeconds(1))
        .build();
  }

  private <T> Flux<T> retried(Flux<T> source, CircuitBreaker breaker, int maxTries) {
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.none())
            .jitter(Jitter.none())
            .maxTries(maxTries)
            .circuitBreaker(breaker)
            .build();
    return source.transform(BackonReactor.retry(policy, time));
  }

  @Test
  void aFailedFluxAttemptIsAFailureForTheBreaker() {
    CircuitBreaker breaker = slowAfterOneSecond();

    StepVerifier.create(retried(Flux.<Integer>error(new IOException("down")), breaker, 2))
        .expectError(IOException.class)
        .verify();

    assertThat(breaker.snapshot().failedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
  }

  @Test
  void theBreakerSeesTheFluxsOwnFailureNotATimeout() {
    CircuitBreaker onlyIo =
        CircuitBreaker.builder("io").failureThreshold(1).recordOn(IOException.class).build();

    StepVerifier.create(retried(Flux.<Integer>error(new IOException("down")), onlyIo, 3))
        .expectError(CircuitOpenException.class)
        .verify();

    assertThat(onlyIo.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aFluxAttemptIsTimedFromItsOwnStartNotFromTheClocksOrigin() {
    CircuitBreaker breaker = slowAfterOneSecond();
    time.advanceTimeBy(Duration.ofMinutes(10));

    StepVerifier.create(retried(Flux.just(1, 2), breaker, 1)).expectNext(1, 2).verifyComplete();
    StepVerifier.create(retried(Flux.<Integer>error(new IOException("fast")), breaker, 1))
        .expectError(IOException.class)
        .verify();

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().slowCalls()).as("both attempts took no time").isZero();
  }

  @Test
  void aFluxAttemptThatRunsLongIsASlowCall() {
    CircuitBreaker breaker = slowAfterOneSecond();
    time.advanceTimeBy(Duration.ofMinutes(10));
    Flux<Long> slowSuccess = Flux.interval(Duration.ofSeconds(2), time).take(1);
    Flux<Long> slowFailure = slowSuccess.concatWith(Flux.error(new IOException("late")));

    retried(slowSuccess, breaker, 1).subscribe(value -> {}, error -> {});
    retried(slowFailure, breaker, 1).subscribe(value -> {}, error -> {});
    time.advanceTimeBy(Duration.ofSeconds(2));

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(1);
    assertThat(breaker.snapshot().slowCalls()).isEqualTo(2);
  }

  @Test
  void cancellingAFluxAttemptReleasesItsHalfOpenSlotWithoutAVerdict() {
    CircuitBreaker breaker = CircuitBreaker.builder("trial").halfOpenMaxCalls(1).build();
    breaker.halfOpen();

    Disposable subscription = retried(Flux.never(), breaker, 3).subscribe();
    assertThat(breaker.tryAcquirePermission()).as("the attempt holds the trial slot").isFalse();
    subscription.dispose();

    assertThat(breaker.tryAcquirePermission()).as("the trial slot is free again").isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
  }
}
