package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.everySecond;
import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.GiveUpReason;
import io.backon.Retries;
import io.backon.RetriesExhaustedException;
import io.backon.RetryPolicy;
import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class MonoRetryTest {

  private final Flaky flaky = new Flaky();

  @Test
  void retriesUntilTheMonoSucceeds() {
    Mono<String> retried = flaky.failing(2, "ok").transform(BackonReactor.retry(noWait().build()));

    StepVerifier.create(retried).expectNext("ok").verifyComplete();
    assertThat(flaky.subscriptions).hasValue(3);
  }

  @Test
  void eachSubscriptionIsAFreshCall() {
    AtomicInteger calls = new AtomicInteger();
    Mono<String> source =
        Mono.defer(
            () ->
                calls.incrementAndGet() % 2 == 1
                    ? Mono.error(new IOException("odd"))
                    : Mono.just("even"));
    Mono<String> retried = source.transform(BackonReactor.retry(noWait().maxTries(2).build()));

    StepVerifier.create(retried).expectNext("even").verifyComplete();
    StepVerifier.create(retried).expectNext("even").verifyComplete();
    assertThat(calls).hasValue(4);
  }

  @Test
  void givesUpWithTheLastFailureUnwrapped() {
    Mono<String> retried = flaky.alwaysFailing().transform(BackonReactor.retry(noWait().build()));

    StepVerifier.create(retried)
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(flaky.last()))
        .verify();
    assertThat(flaky.subscriptions).hasValue(RetryPolicy.DEFAULT_MAX_TRIES);
  }

  @Test
  void doesNotRetryAFailureTheConditionRejects() {
    IllegalStateException bug = new IllegalStateException("bug");
    AtomicInteger subscriptions = new AtomicInteger();
    Mono<String> source =
        Mono.defer(
            () -> {
              subscriptions.incrementAndGet();
              return Mono.error(bug);
            });

    StepVerifier.create(
            source.transform(BackonReactor.retry(noWait().retryOn(IOException.class).build())))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(bug))
        .verify();
    assertThat(subscriptions).hasValue(1);
  }

  @Test
  void retriesARejectedValueLikeAFailure() {
    AtomicInteger subscriptions = new AtomicInteger();
    Mono<String> source =
        Mono.fromCallable(() -> subscriptions.incrementAndGet() < 3 ? "busy" : "done");
    RetryPolicy policy = noWait().retryIfResult("busy"::equals).build();

    StepVerifier.create(source.transform(BackonReactor.retry(policy)))
        .expectNext("done")
        .verifyComplete();
    assertThat(subscriptions).hasValue(3);
  }

  @Test
  void emptyMonoIsCheckedAsANullValue() {
    AtomicInteger subscriptions = new AtomicInteger();
    Mono<String> source =
        Mono.defer(() -> subscriptions.incrementAndGet() < 2 ? Mono.empty() : Mono.just("found"));
    RetryPolicy policy = noWait().retryIfResult(value -> value == null).build();

    StepVerifier.create(source.transform(BackonReactor.retry(policy)))
        .expectNext("found")
        .verifyComplete();
    assertThat(subscriptions).hasValue(2);
  }

  @Test
  void valuesStillRejectedAtTheEndRaiseRetriesExhausted() {
    RetryPolicy policy = noWait().retryIfResult("busy"::equals).build();

    StepVerifier.create(Mono.just("busy").transform(BackonReactor.retry(policy)))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        RetriesExhaustedException.class,
                        exhausted -> {
                          assertThat(exhausted.lastValue()).isEqualTo("busy");
                          assertThat(exhausted.reason()).isEqualTo(GiveUpReason.MAX_TRIES);
                        }))
        .verify();
  }

  @Test
  void withoutRaisingTheLastRejectedValueIsEmitted() {
    RetryPolicy policy = noWait().retryIfResult("busy"::equals).raiseOnGiveUp(false).build();

    StepVerifier.create(Mono.just("busy").transform(BackonReactor.retry(policy)))
        .expectNext("busy")
        .verifyComplete();
  }

  @Test
  void withoutRaisingAFailedCallCompletesEmpty() {
    RetryPolicy policy = noWait().raiseOnGiveUp(false).build();

    StepVerifier.create(flaky.alwaysFailing().transform(BackonReactor.retry(policy)))
        .verifyComplete();
    assertThat(flaky.subscriptions).hasValue(3);
  }

  @Test
  void emitsTheFallbackValueOnGivingUp() {
    RetryPolicy policy = noWait().fallback(giveUp -> "cached:" + giveUp.attemptNumber()).build();

    StepVerifier.create(flaky.alwaysFailing().transform(BackonReactor.retry(policy)))
        .expectNext("cached:3")
        .verifyComplete();
  }

  @Test
  void aFallbackReturningNullCompletesEmpty() {
    RetryPolicy policy = noWait().fallback(giveUp -> null).build();

    StepVerifier.create(flaky.alwaysFailing().transform(BackonReactor.retry(policy)))
        .verifyComplete();
  }

  @Test
  void globalSwitchOffSubscribesOnceUntouched() {
    Mono<String> retried = flaky.alwaysFailing().transform(BackonReactor.retry(noWait().build()));
    Retries.disable();
    try {
      StepVerifier.create(retried)
          .expectErrorSatisfies(error -> assertThat(error).isSameAs(flaky.last()))
          .verify();
    } finally {
      Retries.enable();
    }
    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void aDisabledPolicyReturnsTheSourceItself() {
    Mono<String> source = Mono.just("x");
    RetryOperator<String> operator = BackonReactor.retry(noWait().enabled(false).build());

    assertThat(operator.apply(source)).isSameAs(source);
  }

  @Test
  void testScopesCountAndCapAttempts() {
    RetryPolicy policy = everySecond().maxTries(5).build();

    // assertRetried removes back-off, so no wait is scheduled and block() returns at once.
    BackonTesting.assertRetried(
        () -> flaky.alwaysFailing().transform(BackonReactor.retry(policy)).block(), 5);
    try (TestScope capped = BackonTesting.limitRetries(2)) {
      BackonTesting.assertRetried(
          () -> flaky.alwaysFailing().transform(BackonReactor.retry(policy)).block(), 2);
    }
  }
}
