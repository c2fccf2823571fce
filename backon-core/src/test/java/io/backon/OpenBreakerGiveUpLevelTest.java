package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import io.backon.hedge.HedgingPolicy;
import io.backon.reactor.BackonReactor;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Whatever the face and however the breaker rejects, a call whose own failures opened its breaker
 * is a warned give-up naming the target's failure, and a call the breaker rejected outright stays
 * at DEBUG.
 */
class OpenBreakerGiveUpLevelTest extends GiveUpLoggingFixture {

  private CircuitBreaker breakerOpeningAfterTwoFailures() {
    return CircuitBreaker.builder("payments")
        .clock(clock)
        .failureThreshold(2)
        .recoveryTimeout(Duration.ofMinutes(1))
        .build();
  }

  private static CapturedLog.Line giveUpLine(CapturedLog log) {
    return log.linesOf("io.backon.retry").stream().reduce((first, second) -> second).orElseThrow();
  }

  private static void assertWarnedAfterTheTargetsFailure(CapturedLog log) {
    CapturedLog.Line line = giveUpLine(log);
    assertThat(line.level()).isEqualTo("WARNING");
    assertThat(line.message())
        .contains("(circuit open)")
        .contains("(after java.io.IOException: down)");
  }

  @Test
  void manyRejectionsRetriedAfterTheCallsOwnFailuresStillNameTheTargetsFailure() {
    RetryPolicy policy =
        policy("payments", 6)
            .circuitBreaker(breakerOpeningAfterTwoFailures())
            .retryOnCircuitOpen(true)
            .build();

    try (CapturedLog log = CapturedLog.attach()) {
      Throwable thrown =
          catchThrowable(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))));

      assertThat(thrown).isInstanceOf(CircuitOpenException.class);
      CapturedLog.Line line = giveUpLine(log);
      assertThat(line.level()).isEqualTo("WARNING");
      assertThat(line.message()).contains("(after java.io.IOException: down)");
    }
  }

  @Test
  void retriedRejectionsOfABreakerOpenedByOthersStayAtDebug() {
    RetryPolicy policy =
        policy("payments", 4).circuitBreaker(openBreaker()).retryOnCircuitOpen(true).build();

    try (CapturedLog log = CapturedLog.attach()) {
      catchThrowable(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> "never runs"));

      assertThat(giveUpLine(log).level()).isEqualTo("FINE");
    }
  }

  @Test
  void anAsyncCallWhoseOwnFailuresOpenedTheBreakerIsWarned() {
    RetryPolicy policy =
        policy("payments", 3)
            .sleeper(io.backon.time.Sleeper.threadSleep())
            .wait(io.backon.wait.Wait.none())
            .circuitBreaker(breakerOpeningAfterTwoFailures())
            .build();

    try (CapturedLog log = CapturedLog.attach()) {
      catchThrowable(
          () ->
              Retrying.of(policy)
                  .callAsync(
                      Invocation.of(TARGET),
                      () -> CompletableFuture.<String>failedFuture(new IOException("down")))
                  .join());

      assertWarnedAfterTheTargetsFailure(log);
    }
  }

  @Test
  void aMonoCallWhoseOwnFailuresOpenedTheBreakerIsWarned() {
    RetryPolicy policy =
        policy("payments", 3)
            .wait(io.backon.wait.Wait.none())
            .circuitBreaker(breakerOpeningAfterTwoFailures())
            .build();

    try (CapturedLog log = CapturedLog.attach()) {
      catchThrowable(
          () ->
              Mono.<String>error(() -> new IOException("down"))
                  .transform(
                      BackonReactor.<String>retry(policy).withInvocation(Invocation.of(TARGET)))
                  .block(Duration.ofSeconds(5)));

      assertWarnedAfterTheTargetsFailure(log);
    }
  }

  @Test
  void aHedgedCallWhoseOwnCopiesOpenedTheBreakerIsWarned() {
    RetryPolicy policy =
        policy("payments", 3)
            .circuitBreaker(breakerOpeningAfterTwoFailures())
            .hedging(HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ZERO).build())
            .build();

    try (CapturedLog log = CapturedLog.attach()) {
      Throwable thrown =
          catchThrowable(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))));

      assertThat(thrown).isInstanceOf(CircuitOpenException.class);
      assertWarnedAfterTheTargetsFailure(log);
    }
  }

  @Test
  void aHedgedCallRejectedOutrightStaysAtDebug() {
    RetryPolicy policy =
        policy("payments", 3)
            .circuitBreaker(openBreaker())
            .hedging(HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ZERO).build())
            .build();

    try (CapturedLog log = CapturedLog.attach()) {
      catchThrowable(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> "never runs"));

      assertThat(giveUpLine(log).level()).isEqualTo("FINE");
    }
  }
}
