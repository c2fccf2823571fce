package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Hedging;
import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.HedgingPolicy;
import io.backon.testfixtures.ForeignStage;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Targets that answer with a {@code CompletionStage} that is not a {@code CompletableFuture} and
 * refuses {@code toCompletableFuture()}, as the JDK contract allows: every shape of policy, and a
 * switched-off call, treats it as the stage it is.
 */
class ForeignStagesTest {

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("plain", policy()),
        Arguments.of("with a listener", policy().onSuccess(e -> {})),
        Arguments.of("with statistics", policy().statistics(true)),
        Arguments.of(
            "with a breaker", policy().circuitBreaker(CircuitBreaker.builder("foreign").build())),
        Arguments.of("with an attempt timeout", policy().attemptTimeout(Duration.ofSeconds(5))),
        Arguments.of("with a deadline", policy().deadline(Duration.ofSeconds(5))),
        Arguments.of(
            "hedged",
            policy()
                .hedging(
                    HedgingPolicy.builder()
                        .maxHedges(2)
                        .hedgeDelay(Duration.ofSeconds(5))
                        .build())),
        Arguments.of("checking values", policy().retryIfResult(value -> false)),
        Arguments.of("switched off", policy().enabled(false)));
  }

  private static RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .wait(Wait.none())
        .maxTries(3)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aCompletedForeignStageIsTheCallsValue(String shape, RetryPolicyBuilder builder) {
    CompletableFuture<String> call =
        Retrying.of(builder.build()).callAsync(() -> ForeignStage.completed("ok"));

    assertThat(valueOf(call)).isEqualTo("ok");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aForeignStageThatCompletesLaterOnAnotherThreadIsAwaited(
      String shape, RetryPolicyBuilder builder) {
    CompletableFuture<String> source = new CompletableFuture<>();

    CompletableFuture<String> call =
        Retrying.of(builder.build()).callAsync(() -> ForeignStage.of(source));
    new Thread(() -> source.complete("late")).start();

    assertThat(valueOf(call)).isEqualTo("late");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aForeignStageFailingWithAWrappedFailureFailsTheCallWithTheFailureItself(
      String shape, RetryPolicyBuilder builder) {
    IOException down = new IOException("503");

    CompletableFuture<String> call =
        Retrying.of(builder.build())
            .callAsync(() -> ForeignStage.failed(new CompletionException(down)));

    assertThat(failureOf(call)).isSameAs(down);
  }

  @Test
  void aFailedForeignStageIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    Supplier<CompletionStage<String>> target =
        () ->
            calls.incrementAndGet() == 1
                ? ForeignStage.failed(new IOException("503"))
                : ForeignStage.completed("ok");

    String value = valueOf(Retrying.of(policy().build()).callAsync(target));

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }

  @Test
  void aCallMadeWhileRetriesAreDisabledAcceptsAForeignStage() {
    Retries.disable();
    try {
      CompletableFuture<String> call =
          Retrying.of(policy().build()).callAsync(() -> ForeignStage.completed("ok"));

      assertThat(valueOf(call)).isEqualTo("ok");
    } finally {
      Retries.enable();
    }
  }

  @Test
  void aSwitchedOffCallFailsWithTheTargetsFailureNotACompletionException() {
    IOException down = new IOException("503");

    CompletableFuture<String> call =
        Retrying.of(policy().enabled(false).build())
            .callAsync(() -> CompletableFuture.failedFuture(new CompletionException(down)));

    assertThat(failureOf(call)).isSameAs(down);
  }

  @Test
  void hedgingWithoutRetryingAwaitsAForeignStageAndUnwrapsItsFailure() {
    HedgingPolicy hedging =
        HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ofSeconds(5)).build();
    CompletableFuture<String> source = new CompletableFuture<>();
    IOException down = new IOException("503");

    CompletableFuture<String> late = Hedging.callAsync(hedging, () -> ForeignStage.of(source));
    source.complete("late");
    CompletableFuture<String> failed =
        Hedging.callAsync(hedging, () -> ForeignStage.failed(new CompletionException(down)));

    assertThat(valueOf(late)).isEqualTo("late");
    assertThat(failureOf(failed)).isSameAs(down);
  }
}
