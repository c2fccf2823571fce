package io.backon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.CapturedLog.Line;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitOpenException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A call rejected by an open circuit breaker before reaching the target logs its give-up at DEBUG
 * only, as "circuit open"; the breaker's transition is what an outage shows above DEBUG. A call
 * whose own failures opened the breaker reaches its caller as a warned give-up.
 */
class OpenBreakerGiveUpLoggingTest extends GiveUpLoggingFixture {

  // ------------------------------------------------------------------ open breaker

  @Test
  void aCallRejectedByAnOpenBreakerIsLoggedAtDebugOnlyAsCircuitOpen() {
    CircuitBreaker breaker = openBreaker();
    RetryPolicy policy = policy("payments", 3).circuitBreaker(breaker).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(() -> Retrying.of(policy).call(Invocation.of(TARGET), () -> "never runs"))
          .isInstanceOf(CircuitOpenException.class);

      assertThat(all.linesOf("io.backon.retry"))
          .singleElement()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("FINE");
                assertThat(line.message())
                    .isEqualTo(
                        "Giving up on PaymentClient.charge at attempt 1 "
                            + "(circuit open): io.backon.breaker.CircuitOpenException: Circuit breaker 'payments' "
                            + "is OPEN; retry in 30s [policy payments]");
              });
    }
  }

  @Test
  void anOutageBehindAnOpenBreakerLogsOnlyTheTransitionAboveDebug() {
    CircuitBreaker breaker = openBreaker();
    Retrying propagating = Retrying.of(policy("payments", 3).circuitBreaker(breaker).build());
    Retrying fallingBack =
        Retrying.of(
            policy("payments", 3).circuitBreaker(breaker).fallback(giveUp -> "cached").build());

    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(() -> propagating.call(() -> "never runs"))
          .isInstanceOf(CircuitOpenException.class);
      assertThat(catchValue(fallingBack)).isEqualTo("cached");
    }

    assertThat(atInfo.lines())
        .extracting(Line::logger, Line::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("io.backon.breaker", "WARNING"));
  }

  @Test
  void aCallWhoseOwnFailuresOpenTheBreakerIsAWarnedGiveUpNamingTheTargetsFailure() {
    CircuitBreaker breaker = breakerOpeningAfterTwoFailures();
    RetryPolicy policy = policy("payments", 3).circuitBreaker(breaker).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(CircuitOpenException.class)
          .hasSuppressedException(new IOException("down"));

      assertThat(all.linesOf("io.backon.retry"))
          .last()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("WARNING");
                assertThat(line.message())
                    .startsWith(
                        "Giving up on PaymentClient.charge at attempt 3 (circuit open): "
                            + "io.backon.breaker.CircuitOpenException: Circuit breaker 'payments' ")
                    .endsWith(" (after java.io.IOException: down) [policy payments]");
              });
    }
  }

  @Test
  void aBreakerRejectingTheLastRetryIsLoggedWithTheLimitAndCircuitOpen() {
    CircuitBreaker breaker = breakerOpeningAfterTwoFailures();
    RetryPolicy policy =
        policy("payments", 3).circuitBreaker(breaker).retryOnCircuitOpen(true).build();

    try (CapturedLog all = CapturedLog.attach()) {
      assertThatThrownBy(
              () ->
                  Retrying.of(policy)
                      .call(
                          Invocation.of(TARGET),
                          FlakyTarget.alwaysFailing(new IOException("down"))))
          .isInstanceOf(CircuitOpenException.class);

      assertThat(all.linesOf("io.backon.retry"))
          .last()
          .satisfies(
              line -> {
                assertThat(line.level()).isEqualTo("WARNING");
                assertThat(line.message())
                    .startsWith(
                        "Giving up on PaymentClient.charge at attempt 3 "
                            + "(max tries reached, circuit open): io.backon.breaker.CircuitOpenException: ")
                    .endsWith(" (after java.io.IOException: down) [policy payments]");
              });
    }
  }

  private CircuitBreaker breakerOpeningAfterTwoFailures() {
    return CircuitBreaker.builder("payments")
        .clock(clock)
        .failureThreshold(2)
        .recoveryTimeout(Duration.ofMinutes(1))
        .build();
  }
}
