package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.everySecond;
import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Mono retries against time: waits, maxTime, deadline, attempt timeout, cancellation. */
class MonoTimingTest {

  private final Flaky flaky = new Flaky();

  @Test
  void waitsFollowTheStrategyInVirtualTime() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .jitter(Jitter.none())
            .wait(
                Wait.incrementing(
                    Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1)))
            .build();

    StepVerifier.withVirtualTime(
            () -> flaky.failing(2, "ok").transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .then(() -> assertThat(flaky.subscriptions).hasValue(1))
        .thenAwait(Duration.ofMillis(999))
        .then(() -> assertThat(flaky.subscriptions).hasValue(1))
        .thenAwait(Duration.ofMillis(1))
        .then(() -> assertThat(flaky.subscriptions).hasValue(2))
        .thenAwait(Duration.ofMillis(1999))
        .then(() -> assertThat(flaky.subscriptions).hasValue(2))
        .thenAwait(Duration.ofMillis(1))
        .expectNext("ok")
        .verifyComplete();
    assertThat(flaky.subscriptions).hasValue(3);
  }

  @Test
  void maxTimeIsMeasuredInVirtualTime() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .jitter(Jitter.none())
            .wait(Wait.constant(Duration.ofSeconds(2)))
            .maxTime(Duration.ofSeconds(5))
            .build();

    // Attempts at 0 s, 2 s, 4 s, then the last wait is capped at 1 s: a fourth at 5 s, then stop.
    StepVerifier.withVirtualTime(() -> flaky.alwaysFailing().transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(4999))
        .then(() -> assertThat(flaky.subscriptions).hasValue(3))
        .thenAwait(Duration.ofMillis(1))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(flaky.last()))
        .verify();
    assertThat(flaky.subscriptions).hasValue(4);
  }

  @Test
  void deadlineCancelsTheRunningAttemptAndFailsWithTheLastFailureAsCause() {
    RetryPolicy policy = everySecond().maxTries(10).deadline(Duration.ofSeconds(3)).build();
    AtomicInteger subscriptions = new AtomicInteger();
    AtomicInteger cancelled = new AtomicInteger();
    IOException first = new IOException("first");
    Mono<String> source =
        Mono.defer(
            () ->
                subscriptions.incrementAndGet() == 1
                    ? Mono.<String>error(first)
                    : Mono.<String>never().doOnCancel(cancelled::incrementAndGet));

    StepVerifier.withVirtualTime(() -> source.transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(2999))
        .then(
            () -> {
              assertThat(subscriptions).hasValue(2);
              assertThat(cancelled).hasValue(0);
            })
        .thenAwait(Duration.ofMillis(1))
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOfSatisfying(
                        DeadlineExceededException.class,
                        exceeded -> {
                          assertThat(exceeded).hasCause(first);
                          assertThat(exceeded.attempts()).isEqualTo(2);
                          assertThat(exceeded.deadline()).isEqualTo(Duration.ofSeconds(3));
                        }))
        .verify();
    assertThat(cancelled).hasValue(1);
  }

  @Test
  void deadlineStopsBeforeAWaitThatWouldCrossIt() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .jitter(Jitter.none())
            .maxTries(10)
            .wait(Wait.constant(Duration.ofSeconds(5)))
            .deadline(Duration.ofSeconds(3))
            .build();

    StepVerifier.withVirtualTime(() -> flaky.alwaysFailing().transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .expectErrorSatisfies(
            error ->
                assertThat(error)
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasCause(flaky.last()))
        .verify(Duration.ofSeconds(5));
    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void attemptTimeoutCancelsTheAttemptAndRetries() {
    RetryPolicy policy = noWait().attemptTimeout(Duration.ofSeconds(2)).build();

    StepVerifier.withVirtualTime(
            () -> flaky.hangingThen(1, "ok").transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(1999))
        .then(() -> assertThat(flaky.cancellations).hasValue(0))
        .thenAwait(Duration.ofMillis(1))
        .expectNext("ok")
        .verifyComplete();
    assertThat(flaky.cancellations).hasValue(1);
    assertThat(flaky.subscriptions).hasValue(2);
  }

  @Test
  void recordsStatisticsOfTheLastCall() {
    RetryOperator<String> operator = BackonReactor.retry(everySecond().statistics(true).build());

    StepVerifier.withVirtualTime(() -> flaky.failing(2, "ok").transform(operator))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(2))
        .expectNext("ok")
        .verifyComplete();
    assertThat(operator.statistics().attemptNumber()).isEqualTo(3);
    assertThat(operator.statistics().idleFor()).isEqualTo(Duration.ofSeconds(2));
    assertThat(operator.statistics().elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void cancellingStopsThePendingWaitAndNothingMoreIsSubscribed() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    Mono<String> retried =
        flaky
            .alwaysFailing()
            .transform(BackonReactor.retry(everySecond().maxTries(5).build(), time));

    Disposable subscription = retried.subscribe(value -> {}, error -> {});
    assertThat(flaky.subscriptions).hasValue(1);
    subscription.dispose();
    time.advanceTimeBy(Duration.ofMinutes(1));

    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void cancellingStopsTheInFlightAttempt() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    Mono<String> retried =
        flaky
            .hangingThen(5, "ok")
            .transform(
                BackonReactor.retry(
                    everySecond().attemptTimeout(Duration.ofSeconds(1)).maxTries(5).build(), time));

    Disposable subscription = retried.subscribe(value -> {}, error -> {});
    time.advanceTimeBy(Duration.ofMillis(1500));
    assertThat(flaky.subscriptions).hasValue(1);
    subscription.dispose();
    time.advanceTimeBy(Duration.ofMinutes(1));

    assertThat(flaky.cancellations).hasValue(1);
    assertThat(flaky.subscriptions).hasValue(1);
  }

  @Test
  void aMonoAttemptThatStartsAfterTheDeadlineIsCutAtOnce() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    RetryPolicy policy =
        noWait()
            .deadline(Duration.ofSeconds(1))
            .onAttempt(event -> time.advanceTimeBy(Duration.ofSeconds(2))) // a slow listener
            .build();

    StepVerifier.create(Mono.<String>never().transform(BackonReactor.retry(policy, time)))
        .expectSubscription()
        .then(time::advanceTime)
        .expectError(DeadlineExceededException.class)
        .verify(Duration.ofSeconds(10));
  }

  @Test
  void theDeadlineCountsFromTheCallsStartNotFromTheSchedulersOrigin() {
    VirtualTimeScheduler time = VirtualTimeScheduler.create();
    time.advanceTimeBy(Duration.ofHours(1));
    RetryOperator<String> operator =
        BackonReactor.retry(
            noWait().statistics(true).deadline(Duration.ofSeconds(3)).build(), time);

    StepVerifier.create(Mono.<String>never().transform(operator))
        .expectSubscription()
        .then(() -> time.advanceTimeBy(Duration.ofMillis(2999)))
        .expectNoEvent(Duration.ZERO)
        .then(() -> time.advanceTimeBy(Duration.ofMillis(1)))
        .expectError(DeadlineExceededException.class)
        .verify(Duration.ofSeconds(10));
    assertThat(operator.statistics().attemptNumber()).isEqualTo(1);
    assertThat(operator.statistics().elapsed()).isEqualTo(Duration.ofSeconds(3));
  }
}
