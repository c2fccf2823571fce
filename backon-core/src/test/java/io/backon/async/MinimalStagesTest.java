package io.backon.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.HedgingPolicy;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Targets that answer with the JDK's minimal stages ({@code CompletableFuture.completedStage},
 * {@code failedStage}, {@code minimalCompletionStage()}): subclasses of {@code CompletableFuture}
 * that refuse {@code isDone()} and {@code join()}. Every shape of policy must treat them as the
 * {@code CompletionStage}s they are.
 */
class MinimalStagesTest {

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("plain", policy()),
        Arguments.of("with a listener", policy().onSuccess(e -> {})),
        Arguments.of(
            "with a breaker", policy().circuitBreaker(CircuitBreaker.builder("minimal").build())),
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
        Arguments.of("checking values", policy().retryIfResult(value -> false)));
  }

  private static RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .wait(Wait.none())
        .maxTries(3)
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF);
  }

  private static String await(CompletableFuture<String> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aCompletedMinimalStageIsTheCallsValue(String shape, RetryPolicyBuilder builder)
      throws Exception {
    Retrying retrying = Retrying.of(builder.build());

    String value = await(retrying.callAsync(() -> CompletableFuture.completedStage("ok")));

    assertThat(value).isEqualTo("ok");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aFailedMinimalStageIsRetried(String shape, RetryPolicyBuilder builder) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Supplier<CompletionStage<String>> target =
        () ->
            calls.incrementAndGet() == 1
                ? CompletableFuture.failedStage(new IOException("503"))
                : CompletableFuture.completedStage("ok");

    String value = await(Retrying.of(builder.build()).callAsync(target));

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void aMinimalStageThatCompletesLaterIsAwaited(String shape, RetryPolicyBuilder builder)
      throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();

    CompletableFuture<String> call =
        Retrying.of(builder.build()).callAsync(source::minimalCompletionStage);
    source.complete("late");

    assertThat(await(call)).isEqualTo("late");
  }
}
