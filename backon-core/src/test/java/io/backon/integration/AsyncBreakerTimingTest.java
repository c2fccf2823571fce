package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.testing.FakeClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The breaker times each async attempt from its start to its completion for slow-call counts. */
class AsyncBreakerTimingTest {

  private final FakeClock clock = new FakeClock();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("inventory")
          .failureThreshold(10)
          .countBasedWindow(50)
          .minimumCalls(50)
          .slowCallDuration(Duration.ofSeconds(1))
          .build();
  private final Retrying retrying =
      Retrying.of(RetryPolicy.builder().clock(clock).circuitBreaker(breaker).maxTries(1).build());

  @Test
  void anAsyncAttemptCompletedAtOnceIsNotSlowHoweverLateItStarts() {
    clock.advance(Duration.ofHours(1));

    retrying.callAsync(() -> CompletableFuture.completedFuture("ok")).join();

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(1);
    assertThat(breaker.snapshot().slowCalls()).isZero();
  }

  @Test
  void anAsyncAttemptCompletingLaterIsTimedUntilItCompletes() {
    clock.advance(Duration.ofHours(1));
    CompletableFuture<String> fast = new CompletableFuture<>();
    CompletableFuture<String> slow = new CompletableFuture<>();

    CompletableFuture<String> fastCall = retrying.callAsync(() -> fast);
    CompletableFuture<String> slowCall = retrying.callAsync(() -> slow);
    fast.complete("fast");
    clock.advance(Duration.ofSeconds(2));
    slow.complete("slow");

    assertThat(fastCall.join()).isEqualTo("fast");
    assertThat(slowCall.join()).isEqualTo("slow");
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
  }
}
