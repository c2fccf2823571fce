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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class ReactorBreakerTest {

  private final Flaky flaky = new Flaky();

  private RetryPolicy policy(CircuitBreaker breaker, int maxTries) {
    return RetryPolicy.builder()
        .wait(Wait.none())
        .jitter(Jitter.none())
        .maxTries(maxTries)
        .circuitBreaker(breaker)
        .build();
  }

  @Test
  void theBreakerCountsEveryResubscription() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("quotes")
            .failureThreshold(10)
            .countBasedWindow(50)
            .minimumCalls(50)
            .build();

    StepVerifier.create(flaky.failing(2, "ok").transform(BackonReactor.retry(policy(breaker, 5))))
        .expectNext("ok")
        .verifyComplete();

    assertThat(breaker.snapshot().failedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(3);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aBreakerOpenedByFailuresSignalledOnAnotherThreadRejectsTheNextAttempt() {
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").failureThreshold(2).build();

    for (int call = 0; call < 50; call++) {
      Flaky failing = new Flaky();
      breaker.reset();

      StepVerifier.create(
              failing
                  .alwaysFailing()
                  .publishOn(Schedulers.parallel())
                  .transform(BackonReactor.retry(policy(breaker, 5))))
          .expectError(CircuitOpenException.class)
          .verify(Duration.ofSeconds(10));

      assertThat(failing.subscriptions).as("subscriptions of call %d", call).hasValue(2);
    }
  }

  @Test
  void anOpenedBreakerEndsTheCallWithoutAnotherSubscription() {
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").failureThreshold(2).build();

    StepVerifier.create(flaky.alwaysFailing().transform(BackonReactor.retry(policy(breaker, 5))))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        CircuitOpenException.class,
                        open -> assertThat(open.breakerName()).isEqualTo("quotes")))
        .verify();

    assertThat(flaky.subscriptions).hasValue(2);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aTimedOutAttemptIsAFailureForTheBreaker() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("slow")
            .failureThreshold(10)
            .countBasedWindow(50)
            .minimumCalls(50)
            .build();
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.none())
            .maxTries(3)
            .attemptTimeout(Duration.ofSeconds(1))
            .circuitBreaker(breaker)
            .build();

    StepVerifier.withVirtualTime(
            () -> flaky.hangingThen(1, "ok").transform(BackonReactor.retry(policy)))
        .thenAwait(Duration.ofSeconds(1))
        .expectNext("ok")
        .verifyComplete();

    assertThat(breaker.snapshot().failedCalls()).isEqualTo(1);
  }

  @Test
  void aCancelledAttemptReleasesItsHalfOpenSlot() {
    CircuitBreaker breaker = CircuitBreaker.builder("trial").halfOpenMaxCalls(1).build();
    breaker.halfOpen();

    StepVerifier.create(Mono.never().transform(BackonReactor.retry(policy(breaker, 3))))
        .thenCancel()
        .verify();

    assertThat(breaker.tryAcquirePermission()).as("the trial slot is free again").isTrue();
  }

  @Test
  void aFluxRecordsACompletedSubscriptionAsASuccess() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("ticks")
            .failureThreshold(10)
            .countBasedWindow(50)
            .minimumCalls(50)
            .build();

    StepVerifier.create(Flux.just(1, 2, 3).transform(BackonReactor.retry(policy(breaker, 3))))
        .expectNext(1, 2, 3)
        .verifyComplete();

    assertThat(breaker.snapshot().failedCalls()).isZero();
    assertThat(breaker.snapshot().bufferedCalls()).as("one recorded success").isEqualTo(1);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aMonoValueTheResultPredicateChokesOnFailsTheAttemptWithThePredicatesException() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("prices")
            .recordResult(
                value -> {
                  throw new IllegalStateException("predicate bug");
                })
            .build();

    StepVerifier.create(
            Mono.fromFuture(() -> new CompletableFuture<String>().completeAsync(() -> "42"))
                .transform(BackonReactor.retry(policy(breaker, 1))))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("predicate bug"))
        .verify(Duration.ofSeconds(10));
  }

  /** Opens on the first failure and stays open for an hour; the policy waits ten minutes. */
  private static RetryPolicy patientPolicy(CircuitBreaker breaker) {
    return RetryPolicy.builder()
        .wait(Wait.constant(Duration.ofMinutes(10)))
        .jitter(Jitter.none())
        .maxTries(5)
        .circuitBreaker(breaker)
        .build();
  }

  private static CircuitBreaker openingOnTheFirstFailure() {
    return CircuitBreaker.builder("quotes")
        .failureThreshold(1)
        .recoveryTimeout(Duration.ofHours(1))
        .build();
  }

  @Test
  void aMonoWhoseFailureOpenedTheBreakerEndsWithoutItsBackOff() {
    CircuitBreaker breaker = openingOnTheFirstFailure();

    // virtual time never advances: a ten-minute back-off would never end
    StepVerifier.withVirtualTime(
            () -> flaky.alwaysFailing().transform(BackonReactor.retry(patientPolicy(breaker))))
        .expectSubscription()
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(CircuitOpenException.class)
                    .hasSuppressedException(flaky.last()))
        .verify(Duration.ofSeconds(10));

    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void aFluxWhoseFailureOpenedTheBreakerEndsWithoutItsBackOff() {
    CircuitBreaker breaker = openingOnTheFirstFailure();
    AtomicInteger subscriptions = new AtomicInteger();

    StepVerifier.withVirtualTime(
            () ->
                Flux.<Integer>error(new IOException("down"))
                    .doOnSubscribe(s -> subscriptions.incrementAndGet())
                    .transform(BackonReactor.retry(patientPolicy(breaker))))
        .expectSubscription()
        .expectError(CircuitOpenException.class)
        .verify(Duration.ofSeconds(10));

    assertThat(subscriptions).hasValue(1);
  }
}
