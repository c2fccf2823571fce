package io.backon.reactor;

import static io.backon.reactor.ReactorPolicies.everySecond;
import static io.backon.reactor.ReactorPolicies.noWait;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A Mono call's subscriber keeps Reactor's contract with the subscriber in front of it: values wait
 * for demand, a value that arrives after a cancel is discarded, operators that cancel or fuse
 * around the call see one value, and the caller's own timeout cancels the call's wait.
 */
class MonoCallSubscriberTest {

  @Test
  void aSubscriberThatRequestsNothingGetsTheValueOnceItRequests() {
    Flaky flaky = new Flaky();

    StepVerifier.create(flaky.failing(2, "ok").transform(BackonReactor.retry(noWait().build())), 0)
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(10))
        .thenRequest(1)
        .expectNext("ok")
        .verifyComplete();
  }

  @Test
  void takeOneOfAFluxMadeFromTheCallEmitsTheValueAndEndsTheCallAsASuccess() {
    Tracing tracing = new Tracing();
    RetryPolicy policy = noWait().instrumentation(tracing).build();

    List<String> values =
        new Flaky()
            .failing(1, "ok")
            .transform(BackonReactor.retry(policy))
            .flux()
            .take(1)
            .collectList()
            .block(Duration.ofSeconds(5));

    assertThat(values).containsExactly("ok");
    assertThat(tracing.calls).containsExactly(CallOutcome.SUCCESS_WITH_RETRY);
  }

  @Test
  void aFusingPublishOnAfterTheCallReceivesTheValue() {
    String value =
        Flux.from(new Flaky().failing(2, "ok").transform(BackonReactor.retry(noWait().build())))
            .publishOn(Schedulers.single())
            .blockLast(Duration.ofSeconds(5));

    assertThat(value).isEqualTo("ok");
  }

  @Test
  void aCallMovedWithSubscribeOnAndAsynchronousAttemptsBlocksForItsValue() {
    AtomicInteger subscriptions = new AtomicInteger();
    Mono<String> source =
        Mono.fromCallable(
                () -> {
                  if (subscriptions.incrementAndGet() < 3) {
                    throw new java.io.IOException("down");
                  }
                  return "ok";
                })
            .subscribeOn(Schedulers.parallel());
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(io.backon.wait.Wait.constant(Duration.ofMillis(1)))
            .jitter(io.backon.wait.Jitter.none())
            .build();

    String value =
        source
            .transform(BackonReactor.retry(policy))
            .subscribeOn(Schedulers.boundedElastic())
            .block(Duration.ofSeconds(5));

    assertThat(value).isEqualTo("ok");
    assertThat(subscriptions).hasValue(3);
  }

  @Test
  void theCallersTimeoutCancelsTheWaitAndEndsTheCallOnceAsCancelled() {
    Flaky flaky = new Flaky();
    Tracing tracing = new Tracing();
    RetryPolicy policy = everySecond().maxTries(10).instrumentation(tracing).build();

    StepVerifier.withVirtualTime(
            () ->
                flaky
                    .alwaysFailing()
                    .transform(BackonReactor.retry(policy))
                    .timeout(Duration.ofMillis(1_500)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(1_500))
        .expectError(TimeoutException.class)
        .verify(Duration.ofSeconds(5));

    assertThat(flaky.subscriptions).hasValue(2);
    assertThat(tracing.calls).containsExactly(CallOutcome.FAILURE_WITH_RETRY);
    assertThat(tracing.failures)
        .singleElement()
        .isInstanceOf(java.util.concurrent.CancellationException.class);
    assertThat(tracing.attemptsStarted).hasValue(2);
    assertThat(tracing.attemptsEnded).hasValue(2);
  }

  @Test
  void aValueTheSourceSendsAfterTheCancelIsDiscarded() {
    List<Object> discarded = new CopyOnWriteArrayList<>();
    Tracing tracing = new Tracing();
    RetryPolicy policy = noWait().instrumentation(tracing).build();
    List<org.reactivestreams.Subscriber<? super String>> subscribers = new CopyOnWriteArrayList<>();
    // A source that ignores cancellation, as a non-compliant publisher might.
    org.reactivestreams.Publisher<String> stubborn =
        subscriber -> {
          subscribers.add(subscriber);
          subscriber.onSubscribe(
              new org.reactivestreams.Subscription() {
                @Override
                public void request(long n) {}

                @Override
                public void cancel() {}
              });
        };

    reactor.core.Disposable call =
        Mono.fromDirect(stubborn)
            .transform(BackonReactor.retry(policy))
            .doOnDiscard(String.class, discarded::add)
            .subscribe();
    call.dispose();
    subscribers.get(0).onNext("late");
    subscribers.get(0).onComplete();

    assertThat(discarded).containsExactly("late");
    assertThat(tracing.calls).containsExactly(CallOutcome.FAILURE_WITHOUT_RETRY);
  }

  @Test
  void aCallCancelledDuringATimedOutRetryEndsEveryAttemptItStarted() {
    Flaky flaky = new Flaky();
    Tracing tracing = new Tracing();
    RetryPolicy policy =
        everySecond()
            .maxTries(10)
            .attemptTimeout(Duration.ofSeconds(1))
            .instrumentation(tracing)
            .build();

    StepVerifier.withVirtualTime(
            () -> flaky.hangingThen(10, "never").transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(2_500))
        .thenCancel()
        .verify(Duration.ofSeconds(5));

    assertThat(flaky.subscriptions).hasValue(2);
    assertThat(flaky.cancellations).hasValue(2);
    assertThat(tracing.calls).containsExactly(CallOutcome.FAILURE_WITH_RETRY);
    assertThat(tracing.attempts).containsExactly(AttemptOutcome.TIMEOUT, AttemptOutcome.CANCELLED);
  }

  @Test
  void aSubscriberCancellingInOnSubscribeStartsNoAttemptAndEndsTheCallOnce() {
    Flaky flaky = new Flaky();
    Tracing tracing = new Tracing();
    RetryPolicy policy = noWait().instrumentation(tracing).build();

    List<String> values = new CopyOnWriteArrayList<>();
    flaky
        .failing(0, "ok")
        .transform(BackonReactor.retry(policy))
        .subscribe(
            new reactor.core.publisher.BaseSubscriber<String>() {
              @Override
              protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                subscription.cancel();
              }

              @Override
              protected void hookOnNext(String value) {
                values.add(value);
              }
            });

    assertThat(values).isEmpty();
    assertThat(flaky.subscriptions).hasValue(0);
    assertThat(tracing.attemptsStarted).hasValue(0);
    assertThat(tracing.calls).hasSize(1);
  }

  @Test
  void aHedgedCallCancelledWhileItsCopiesRunCancelsThemAndEndsOnceAsCancelled() {
    Flaky flaky = new Flaky();
    Tracing tracing = new Tracing();
    RetryPolicy policy =
        everySecond()
            .hedging(
                io.backon.hedge.HedgingPolicy.builder()
                    .maxHedges(2)
                    .hedgeDelay(Duration.ofMillis(100))
                    .build())
            .instrumentation(tracing)
            .build();

    StepVerifier.withVirtualTime(
            () -> flaky.hangingThen(10, "never").transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(150))
        .thenCancel()
        .verify(Duration.ofSeconds(5));

    assertThat(flaky.subscriptions).hasValue(2);
    assertThat(flaky.cancellations).hasValue(2);
    assertThat(tracing.calls).containsExactly(CallOutcome.FAILURE_WITHOUT_RETRY);
    assertThat(tracing.attempts).containsExactly(AttemptOutcome.CANCELLED);
  }

  /** Counts what the instrumentation is told. */
  static final class Tracing implements RetryInstrumentation {
    final List<CallOutcome> calls = new CopyOnWriteArrayList<>();
    final List<@Nullable Throwable> failures = new CopyOnWriteArrayList<>();
    final AtomicInteger attemptsStarted = new AtomicInteger();
    final AtomicInteger attemptsEnded = new AtomicInteger();
    final List<AttemptOutcome> attempts = new CopyOnWriteArrayList<>();

    @Override
    public CallTracer callStarted(RetryPolicy policy, String targetName) {
      return new CallTracer() {
        @Override
        public AttemptTracer attemptStarted(int attemptNumber) {
          attemptsStarted.incrementAndGet();
          return (outcome, failure, durationNanos) -> {
            attemptsEnded.incrementAndGet();
            attempts.add(outcome);
          };
        }

        @Override
        public void callEnded(
            CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {
          failures.add(failure);
          calls.add(outcome);
        }
      };
    }
  }
}
