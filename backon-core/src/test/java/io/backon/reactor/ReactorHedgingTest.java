package io.backon.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AttemptTimeoutException;
import io.backon.CapturedLog;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ReactorHedgingTest {

  private static final Duration DELAY = Duration.ofMillis(100);

  private final AtomicInteger subscriptions = new AtomicInteger();
  private final AtomicInteger cancellations = new AtomicInteger();
  private final List<Integer> hedges = new CopyOnWriteArrayList<>();

  /** A Mono whose n-th subscription behaves as {@code copy.apply(n)}; counts cancellations. */
  private Mono<String> source(IntFunction<Mono<String>> copy) {
    return Mono.defer(
        () ->
            copy.apply(subscriptions.incrementAndGet()).doOnCancel(cancellations::incrementAndGet));
  }

  private HedgingPolicy hedging(int maxHedges) {
    return HedgingPolicy.builder()
        .maxHedges(maxHedges)
        .hedgeDelay(DELAY)
        .onHedge(hedges::add)
        .build();
  }

  private RetryPolicyBuilder policy(int maxTries, int maxHedges) {
    return RetryPolicy.builder()
        .wait(Wait.none())
        .jitter(Jitter.none())
        .maxTries(maxTries)
        .hedging(hedging(maxHedges));
  }

  private static Mono<String> after(long millis, String value) {
    return Mono.delay(Duration.ofMillis(millis)).thenReturn(value);
  }

  private static Mono<String> failing(int copy) {
    return Mono.error(new IOException("copy " + copy + " down"));
  }

  @Test
  void aPrimaryAnsweringBeforeTheDelayIsTheOnlySubscription() {
    RetryPolicy policy = policy(3, 3).build();

    StepVerifier.withVirtualTime(
            () -> source(n -> after(50, "primary")).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(50))
        .expectNext("primary")
        .verifyComplete();

    assertThat(subscriptions).hasValue(1);
    assertThat(cancellations).hasValue(0);
    assertThat(hedges).isEmpty();
  }

  @Test
  void aHedgeAnsweringFirstWinsAndThePrimaryIsCancelled() {
    RetryPolicy policy = policy(3, 2).build();

    StepVerifier.withVirtualTime(
            () ->
                source(n -> n == 1 ? Mono.never() : after(10, "hedge"))
                    .transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .expectNoEvent(DELAY)
        .then(() -> assertThat(subscriptions).hasValue(2))
        .thenAwait(Duration.ofMillis(10))
        .expectNext("hedge")
        .verifyComplete();

    assertThat(subscriptions).hasValue(2);
    assertThat(cancellations).as("the primary").hasValue(1);
    assertThat(hedges).containsExactly(2);
  }

  @Test
  void aCopyFailingFastLaunchesTheNextAtOnce() {
    RetryPolicy policy = policy(1, 2).build();

    StepVerifier.withVirtualTime(
            () ->
                source(n -> n == 1 ? failing(1) : after(10, "hedge"))
                    .transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(10))
        .expectNext("hedge")
        .verifyComplete();

    assertThat(hedges).containsExactly(2);
  }

  @Test
  void whenEveryCopyFailsTheAttemptFailsWithTheLastFailureAndTheOthersSuppressed() {
    RetryPolicy policy = policy(1, 3).build();

    StepVerifier.withVirtualTime(
            () ->
                source(n -> Mono.delay(Duration.ofMillis(10)).then(failing(n)))
                    .transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(30))
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(IOException.class).hasMessage("copy 3 down");
              assertThat(error.getSuppressed())
                  .extracting(Throwable::getMessage)
                  .containsExactly("copy 1 down", "copy 2 down");
            })
        .verify();

    assertThat(subscriptions).hasValue(3);
  }

  @Test
  void whenEveryCopyFailsTheRetryLoopRetriesTheAttempt() {
    RetryPolicy policy = policy(2, 2).build();

    StepVerifier.withVirtualTime(
            () ->
                source(n -> n <= 2 ? failing(n) : after(10, "retried"))
                    .transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(10))
        .expectNext("retried")
        .verifyComplete();

    assertThat(subscriptions).as("two copies of attempt 1, the primary of attempt 2").hasValue(3);
    assertThat(hedges).containsExactly(2);
  }

  @Test
  void theBreakerCountsEveryCopyAndALostCopyRecordsNothing() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("quotes")
            .failureThreshold(10)
            .countBasedWindow(50)
            .minimumCalls(50)
            .build();
    RetryPolicy policy = policy(1, 3).circuitBreaker(breaker).build();

    StepVerifier.withVirtualTime(
            () ->
                source(
                        n ->
                            switch (n) {
                              case 1 -> failing(1);
                              case 2 -> Mono.never();
                              default -> after(10, "third");
                            })
                    .transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(DELAY.plusMillis(10))
        .expectNext("third")
        .verifyComplete();

    assertThat(subscriptions).hasValue(3);
    assertThat(cancellations).as("the lost second copy").hasValue(1);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(1);
    assertThat(breaker.snapshot().bufferedCalls()).as("one failure, one success").isEqualTo(2);
  }

  @Test
  void noHedgeStartsWhileTheBreakerIsOpen() {
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").build();
    RetryPolicy policy = policy(1, 3).circuitBreaker(breaker).build();

    StepVerifier.withVirtualTime(
            () -> source(n -> after(300, "primary")).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(50))
        .then(breaker::forceOpen)
        .thenAwait(Duration.ofMillis(250))
        .expectNext("primary")
        .verifyComplete();

    assertThat(subscriptions).hasValue(1);
    assertThat(hedges).isEmpty();
  }

  @Test
  void aRejectedPrimaryEndsTheAttemptWithoutAHedge() {
    CircuitBreaker breaker = CircuitBreaker.builder("quotes").build();
    breaker.forceOpen();
    RetryPolicy policy = policy(3, 3).circuitBreaker(breaker).build();

    StepVerifier.withVirtualTime(
            () -> source(n -> after(10, "never")).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .expectError(CircuitOpenException.class)
        .verify();

    assertThat(subscriptions).hasValue(0);
    assertThat(hedges).isEmpty();
  }

  @Test
  void eachHedgeNeedsABudgetToken() {
    RetryBudget budget = RetryBudget.builder().maxTokens(2).build();
    budget.onFailure();
    budget.onFailure(); // no more than half of the tokens left: hedges are refused
    RetryPolicy policy = policy(1, 3).retryBudget(budget).build();

    StepVerifier.withVirtualTime(
            () -> source(n -> after(300, "primary")).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .thenAwait(Duration.ofMillis(300))
        .expectNext("primary")
        .verifyComplete();

    assertThat(subscriptions).hasValue(1);
    assertThat(hedges).isEmpty();
  }

  @Test
  void theAttemptTimeoutAppliesToEachCopy() {
    RetryPolicy policy = policy(1, 2).attemptTimeout(Duration.ofMillis(150)).build();

    StepVerifier.withVirtualTime(
            () -> source(n -> Mono.never()).transform(BackonReactor.retry(policy)))
        .expectSubscription()
        .expectNoEvent(Duration.ofMillis(249))
        .thenAwait(Duration.ofMillis(1))
        .expectErrorSatisfies(
            error -> {
              assertThat(error).isInstanceOf(AttemptTimeoutException.class);
              assertThat(error.getSuppressed())
                  .hasSize(1)
                  .allSatisfy(
                      first -> assertThat(first).isInstanceOf(AttemptTimeoutException.class));
            })
        .verify();

    assertThat(subscriptions).hasValue(2);
    assertThat(cancellations).hasValue(2);
  }

  @Test
  void cancellingTheSubscriberCancelsEveryCopyAndTimer() {
    CircuitBreaker breaker = CircuitBreaker.builder("trial").halfOpenMaxCalls(2).build();
    breaker.halfOpen();
    RetryPolicy policy = policy(3, 3).circuitBreaker(breaker).build();
    VirtualTimeScheduler time = VirtualTimeScheduler.create();

    StepVerifier.withVirtualTime(
            () -> source(n -> Mono.never()).transform(BackonReactor.retry(policy)),
            () -> time,
            Long.MAX_VALUE)
        .expectSubscription()
        .thenAwait(DELAY)
        .then(() -> assertThat(subscriptions).hasValue(2))
        .thenCancel()
        .verify();
    time.advanceTimeBy(Duration.ofHours(1));

    assertThat(subscriptions).as("no copy after the cancellation").hasValue(2);
    assertThat(cancellations).hasValue(2);
    assertThat(hedges).containsExactly(2);
    assertThat(breaker.tryAcquirePermission()).as("first trial slot released").isTrue();
    assertThat(breaker.tryAcquirePermission()).as("second trial slot released").isTrue();
  }

  @Test
  void eachCopySeesTheSubscribersContextAndTheAttemptNumber() {
    RetryPolicy policy = policy(1, 2).build();

    StepVerifier.withVirtualTime(
            () ->
                source(
                        n ->
                            n == 1
                                ? Mono.never()
                                : Mono.deferContextual(
                                    context ->
                                        Mono.just(
                                            context.get("user")
                                                + "@"
                                                + context.get(BackonReactor.ATTEMPT_CONTEXT_KEY))))
                    .transform(BackonReactor.retry(policy))
                    .contextWrite(context -> context.put("user", "ada")))
        .expectSubscription()
        .thenAwait(DELAY)
        .expectNext("ada@1")
        .verifyComplete();
  }

  @Test
  void aFluxIsRetriedWithoutHedgingAndTheOperatorWarnsOnce() {
    RetryOperator<Integer> operator = BackonReactor.retry(policy(3, 3).name("ticks").build());
    try (CapturedLog log = CapturedLog.attach()) {
      AtomicInteger fluxSubscriptions = new AtomicInteger();
      Flux<Integer> ticks =
          Flux.just(1, 2, 3).doOnSubscribe(subscription -> fluxSubscriptions.incrementAndGet());

      StepVerifier.withVirtualTime(() -> ticks.delayElements(DELAY).transform(operator))
          .expectSubscription()
          .thenAwait(DELAY.multipliedBy(3))
          .expectNext(1, 2, 3)
          .verifyComplete();
      assertThat(log.lines())
          .as("the first Flux warns")
          .filteredOn(line -> line.level().equals("WARNING"))
          .hasSize(1);
      StepVerifier.create(ticks.transform(operator)).expectNext(1, 2, 3).verifyComplete();

      assertThat(fluxSubscriptions).as("one subscription per call, no copies").hasValue(2);
      assertThat(log.lines())
          .filteredOn(line -> line.level().equals("WARNING"))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.logger()).isEqualTo("io.backon.reactor");
                assertThat(line.message()).contains("'ticks'", "Flux", "without hedging");
              });
    }
  }
}
