package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.condition.RetryCondition;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class FluxRetryTest {

  private final AtomicInteger subscriptions = new AtomicInteger();

  /** Subscription n emits "a{n}", "b{n}", then fails while n <= failures, else completes. */
  private Flux<String> failing(int failures) {
    return Flux.defer(
        () -> {
          int n = subscriptions.incrementAndGet();
          Flux<String> elements = Flux.just("a" + n, "b" + n);
          return n <= failures
              ? elements.concatWith(Flux.error(new IOException("down #" + n)))
              : elements;
        });
  }

  @Test
  void resubscribesOnErrorAndEmitsTheElementsOfEverySubscription() {
    StepVerifier.create(failing(2).transform(BackonReactor.retry(noWait().build())))
        .expectNext("a1", "b1", "a2", "b2", "a3", "b3")
        .verifyComplete();
    assertThat(subscriptions).hasValue(3);
  }

  @Test
  void givesUpWithTheLastFailure() {
    StepVerifier.create(failing(Integer.MAX_VALUE).transform(BackonReactor.retry(noWait().build())))
        .expectNext("a1", "b1", "a2", "b2", "a3", "b3")
        .expectErrorSatisfies(
            error -> assertThat(error).isInstanceOf(IOException.class).hasMessage("down #3"))
        .verify();
  }

  @Test
  void demandCarriesOverFromOneSubscriptionToTheNext() {
    StepVerifier.create(failing(1).transform(BackonReactor.retry(noWait().build())), 3)
        .expectNext("a1", "b1", "a2")
        .thenRequest(1)
        .expectNext("b2")
        .verifyComplete();
  }

  @Test
  void resultConditionsNeverRetryACompletedFlux() {
    RetryPolicy byPredicate = noWait().retryIfResult(value -> true).build();

    StepVerifier.create(failing(0).transform(BackonReactor.retry(byPredicate)))
        .expectNext("a1", "b1")
        .verifyComplete();
    assertThat(subscriptions).hasValue(1);
  }

  @Test
  void aWholeRetryConditionOnlyRetriesTheFluxsErrors() {
    RetryPolicy byCondition = noWait().retryIf(RetryCondition.always()).build();

    StepVerifier.create(failing(1).transform(BackonReactor.retry(byCondition)))
        .expectNext("a1", "b1", "a2", "b2")
        .verifyComplete();
    assertThat(subscriptions).hasValue(2);
  }

  @Test
  void emitsTheFallbackValueAsASingleElement() {
    RetryPolicy policy = noWait().maxTries(2).fallback(giveUp -> "fallback").build();

    StepVerifier.create(failing(Integer.MAX_VALUE).transform(BackonReactor.retry(policy)))
        .expectNext("a1", "b1", "a2", "b2", "fallback")
        .verifyComplete();
  }

  @Test
  void waitsBetweenSubscriptionsInVirtualTime() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .jitter(Jitter.none())
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .build();

    StepVerifier.withVirtualTime(() -> failing(1).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .expectNext("a1", "b1")
        .expectNoEvent(Duration.ofSeconds(1))
        .expectNext("a2", "b2")
        .verifyComplete();
  }

  @Test
  void attemptTimeoutIsNotRestartedByElements() {
    RetryPolicy policy = noWait().attemptTimeout(Duration.ofSeconds(1)).build();
    Flux<Long> source =
        Flux.defer(
            () ->
                subscriptions.incrementAndGet() == 1
                    ? Flux.interval(Duration.ofMillis(400)).take(5)
                    : Flux.just(99L));

    // Ticks at 0.4 s and 0.8 s; a per-element timeout would let the first attempt run to 2 s.
    StepVerifier.withVirtualTime(() -> source.transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(1))
        .expectNext(0L, 1L, 99L)
        .verifyComplete();
    assertThat(subscriptions).hasValue(2);
  }

  @Test
  void deadlineEndsAFluxThatKeepsRunning() {
    RetryPolicy policy = noWait().deadline(Duration.ofMillis(2500)).build();

    StepVerifier.withVirtualTime(
            () -> Flux.interval(Duration.ofSeconds(1)).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(3))
        .expectNext(0L, 1L)
        .expectError(DeadlineExceededException.class)
        .verify();
  }

  @Test
  void whenTheDeadlineAndTheAttemptTimeoutFallTogetherTheDeadlineEndsTheCall() {
    RetryPolicy policy =
        noWait()
            .maxTries(5)
            .attemptTimeout(Duration.ofSeconds(2))
            .deadline(Duration.ofSeconds(2))
            .build();
    IOException first = new IOException("first");
    Flux<String> source =
        Flux.defer(() -> subscriptions.incrementAndGet() == 1 ? Flux.error(first) : Flux.never());

    StepVerifier.withVirtualTime(() -> source.transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(2))
        .expectErrorSatisfies(
            error ->
                assertThat(error).isInstanceOf(DeadlineExceededException.class).hasCause(first))
        .verify();
    assertThat(subscriptions).hasValue(2);
  }

  @Test
  void anAttemptTimeoutShorterThanTheDeadlineCutsTheFluxAttemptAndRetries() {
    RetryPolicy policy =
        noWait()
            .maxTries(5)
            .attemptTimeout(Duration.ofSeconds(1))
            .deadline(Duration.ofSeconds(10))
            .build();
    Flux<String> source =
        Flux.defer(() -> subscriptions.incrementAndGet() == 1 ? Flux.never() : Flux.just("ok"));

    StepVerifier.withVirtualTime(() -> source.transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(1))
        .expectNext("ok")
        .verifyComplete();
    assertThat(subscriptions).hasValue(2);
  }

  @Test
  void aFluxAttemptThatStartsAfterTheDeadlineIsCutAtOnce() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    RetryPolicy policy =
        noWait()
            .deadline(Duration.ofSeconds(1))
            .onAttempt(event -> time.advanceTimeBy(Duration.ofSeconds(2))) // a slow listener
            .build();

    StepVerifier.create(Flux.<String>never().transform(BackonReactor.retry(policy, time)))
        .expectSubscription()
        .then(time::advanceTime)
        .expectError(DeadlineExceededException.class)
        .verify(Duration.ofSeconds(10));
  }
}
