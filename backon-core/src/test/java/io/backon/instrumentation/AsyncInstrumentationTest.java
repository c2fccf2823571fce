package io.backon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import io.backon.reactor.BackonReactor;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The instrumentation SPI seen from the async and reactive faces: attempts reported across threads,
 * scopes open where the attempt's code runs, cancellation and deadlines end the attempt and the
 * call. Fake time: a manual scheduler and a direct executor.
 */
class AsyncInstrumentationTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final RecordingInstrumentation instrumentation = new RecordingInstrumentation();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<Integer> scopes = new CopyOnWriteArrayList<>();

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .name("p")
        .clock(clock)
        .scheduler(scheduler)
        .executor(Runnable::run)
        .wait(Wait.constant(Duration.ofMillis(100)))
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .instrumentation(instrumentation);
  }

  private CompletableFuture<String> flakyStage(int failures) {
    scopes.add(instrumentation.attemptInScope());
    return calls.incrementAndGet() <= failures
        ? CompletableFuture.failedFuture(new IOException("down"))
        : CompletableFuture.completedFuture("ok");
  }

  /** The events of a call whose instant first attempt failed and second succeeded. */
  private static List<String> failedOnceThenSucceeded(int callMillis) {
    return List.of(
        "call started p",
        "attempt 1 started",
        "attempt 1 ended failure IOException 0ms",
        "attempt 2 started",
        "attempt 2 ended success none 0ms",
        "call ended success_with_retry none 2 " + callMillis + "ms");
  }

  @Test
  void anAsyncCallReportsItsAttemptsWithTheSupplierInScope() {
    CompletableFuture<String> result = Retrying.of(policy().build()).callAsync(() -> flakyStage(1));
    scheduler.advance(Duration.ofMillis(100));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(scopes).containsExactly(1, 2);
    assertThat(instrumentation.events).containsExactlyElementsOf(failedOnceThenSucceeded(100));
  }

  @Test
  void supplyAsyncRunsTheBlockingTargetInsideTheAttemptsScopeOnTheWorker() {
    CompletableFuture<String> result =
        Retrying.of(policy().build())
            .supplyAsync(
                () -> {
                  scopes.add(instrumentation.attemptInScope());
                  return "ok";
                });

    assertThat(result).isCompletedWithValue("ok");
    assertThat(scopes).containsExactly(1);
    assertThat(instrumentation.events)
        .last()
        .isEqualTo("call ended success_without_retry none 1 0ms");
  }

  @Test
  void cancellingAnAsyncCallEndsTheRunningAttemptAndTheCallAsCancelled() {
    CompletableFuture<String> result =
        Retrying.of(policy().build()).callAsync(CompletableFuture::new);
    clock.advance(Duration.ofMillis(30));

    result.cancel(true);

    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended cancelled none 30ms",
            "call ended failure_without_retry CancellationException 1 30ms");
  }

  @Test
  void aDeadlineCuttingAnAttemptEndsItAsCancelledAndTheCallAsFailed() {
    CompletableFuture<String> result =
        Retrying.of(policy().deadline(Duration.ofMillis(50)).build())
            .callAsync(CompletableFuture::new);

    scheduler.advance(Duration.ofMillis(50));

    assertThat(result).isCompletedExceptionally();
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended cancelled none 50ms",
            "call ended failure_without_retry DeadlineExceededException 1 50ms");
  }

  @Test
  void anAttemptTimeoutIsATimeout() {
    CompletableFuture<String> result =
        Retrying.of(policy().maxTries(1).attemptTimeout(Duration.ofMillis(20)).build())
            .callAsync(CompletableFuture::new);

    scheduler.advance(Duration.ofMillis(20));

    assertThat(result).isCompletedExceptionally();
    assertThat(instrumentation.events)
        .contains(
            "attempt 1 ended timeout AttemptTimeoutException 20ms",
            "call ended failure_without_retry AttemptTimeoutException 1 20ms");
  }

  @Test
  void asyncHedgesRunInTheAttemptsScopeAndTheWinnerIsReported() {
    List<CompletableFuture<String>> copies = new CopyOnWriteArrayList<>();
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .hedgeDelay(Duration.ofMillis(10))
            .build();
    CompletableFuture<String> result =
        Retrying.of(policy().hedging(hedging).build())
            .callAsync(
                () -> {
                  scopes.add(instrumentation.attemptInScope());
                  CompletableFuture<String> copy = new CompletableFuture<>();
                  copies.add(copy);
                  return copy;
                });
    scheduler.advance(Duration.ofMillis(10));

    copies.get(1).complete("from hedge");

    assertThat(result).isCompletedWithValue("from hedge");
    assertThat(scopes).containsExactly(1, 1);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 hedge hedge_won",
            "attempt 1 ended success none 10ms",
            "call ended success_without_retry none 1 10ms");
  }

  @Test
  void aMonoReportsItsAttemptsWithTheSubscriptionInScope() {
    Mono<String> source =
        Mono.fromCallable(
            () -> {
              scopes.add(instrumentation.attemptInScope());
              if (calls.incrementAndGet() == 1) {
                throw new IOException("down");
              }
              return "ok";
            });
    RetryPolicy noWait = policy().wait(Wait.none()).build();

    String value = source.transform(BackonReactor.retry(noWait)).block(Duration.ofSeconds(10));

    assertThat(value).isEqualTo("ok");
    assertThat(scopes).containsExactly(1, 2);
    assertThat(instrumentation.events).containsExactlyElementsOf(failedOnceThenSucceeded(0));
  }

  @Test
  void aFluxReportsItsAttempts() {
    Flux<String> source =
        Flux.defer(
            () ->
                calls.incrementAndGet() == 1
                    ? Flux.just("a").concatWith(Flux.error(new IOException("down")))
                    : Flux.just("a", "b"));

    List<String> elements =
        source
            .transform(BackonReactor.retry(policy().wait(Wait.none()).build()))
            .collectList()
            .block(Duration.ofSeconds(10));

    assertThat(elements).containsExactly("a", "a", "b");
    assertThat(instrumentation.events).containsExactlyElementsOf(failedOnceThenSucceeded(0));
  }

  @Test
  void aHedgedMonoReportsItsRace() {
    Mono<String> source =
        Mono.defer(
            () -> {
              scopes.add(instrumentation.attemptInScope());
              return calls.incrementAndGet() == 1
                  ? Mono.error(new IOException("down"))
                  : Mono.just("ok");
            });
    HedgingPolicy hedging =
        HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ofSeconds(1)).build();

    String value =
        source
            .transform(BackonReactor.retry(policy().hedging(hedging).build()))
            .block(Duration.ofSeconds(10));

    assertThat(value).isEqualTo("ok");
    assertThat(scopes).containsExactly(1, 1);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 hedge hedge_won",
            "attempt 1 ended success none 0ms",
            "call ended success_without_retry none 1 0ms");
  }

  @Test
  void cancellingAMonoEndsTheRunningAttemptAndTheCall() {
    Disposable subscription =
        Mono.<String>never().transform(BackonReactor.retry(policy().build())).subscribe();

    subscription.dispose();

    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended cancelled none 0ms",
            "call ended failure_without_retry CancellationException 1 0ms");
  }

  @Test
  void cancellingAFluxEndsTheRunningAttemptAndTheCall() {
    Disposable subscription =
        Flux.<String>never().transform(BackonReactor.retry(policy().build())).subscribe();

    subscription.dispose();

    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended cancelled none 0ms",
            "call ended failure_without_retry CancellationException 1 0ms");
  }

  @Test
  void theFirstAttemptsScopeIsClosedOnTheCallingThreadWhenTheCallGoesOn() {
    CompletableFuture<String> call = Retrying.of(policy().build()).callAsync(() -> flakyStage(1));

    assertThat(call).isNotDone();
    assertThat(instrumentation.attemptInScope()).as("scope open on the caller").isZero();
    scheduler.advance(Duration.ofMillis(100));
    assertThat(call).isCompletedWithValue("ok");
  }

  @Test
  void aHedgedAsyncCallLeavesNoScopeAndNoAttemptNumberOnTheCallingThread() {
    HedgingPolicy hedging =
        HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ofSeconds(1)).build();
    CompletableFuture<String> pending = new CompletableFuture<>();

    CompletableFuture<String> call =
        Retrying.of(policy().hedging(hedging).build()).callAsync(() -> pending);

    assertThat(instrumentation.attemptInScope()).as("scope open on the caller").isZero();
    assertThat(Retries.attemptNumber()).as("attempt number on the caller").isZero();
    pending.complete("ok");
    assertThat(call).isCompletedWithValue("ok");
  }
}
