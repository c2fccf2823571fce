package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.CapturedLog;
import io.backon.CapturedLog.Line;
import io.backon.testing.FakeClock;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a breaker logs on {@code io.backon.breaker}: each transition once, WARNING when it starts
 * rejecting calls and INFO otherwise; never the rejected calls themselves.
 */
class BreakerLoggingTest {

  private final FakeClock clock = new FakeClock();
  private final CapturedLog log = CapturedLog.attach();

  @AfterEach
  void detachLog() {
    log.close();
  }

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments")
        .clock(clock)
        .failureThreshold(2)
        .recoveryTimeout(Duration.ofSeconds(30))
        .halfOpenMaxCalls(2)
        .successThreshold(1);
  }

  @Test
  void openingIsOneWarningSayingForHowLongCallsAreRejected() {
    CircuitBreaker breaker = breaker().build();
    clock.advance(Duration.ofSeconds(125));

    fail(breaker, 2);

    assertThat(log.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo("io.backon.breaker");
              assertThat(line.level()).isEqualTo("WARNING");
              assertThat(line.message())
                  .isEqualTo(
                      "Circuit breaker 'payments' CLOSED -> OPEN after 2m5s in CLOSED; rejecting calls for 30s");
              assertThat(line.thrown()).isNull();
            });
  }

  @Test
  void aFullCycleLogsEachTransitionOnceAtItsLevel() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 2);
    clock.advance(Duration.ofSeconds(30));
    succeed(breaker, 1, Duration.ofMillis(22));

    assertThat(log.lines())
        .extracting(Line::level, Line::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "WARNING",
                "Circuit breaker 'payments' CLOSED -> OPEN after 0s in CLOSED; rejecting calls for 30s"),
            org.assertj.core.groups.Tuple.tuple(
                "INFO",
                "Circuit breaker 'payments' OPEN -> HALF_OPEN after 30s in OPEN; admitting 2 trial "
                    + "calls at once"),
            org.assertj.core.groups.Tuple.tuple(
                "INFO", "Circuit breaker 'payments' HALF_OPEN -> CLOSED after 0s in HALF_OPEN"));
  }

  @Test
  void rejectedCallsAreCountedNotLogged() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 2);

    for (int i = 0; i < 1_000; i++) {
      assertThat(breaker.tryAcquirePermission()).isFalse();
    }

    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1_000);
    assertThat(log.lines()).hasSize(1);
  }

  @Test
  void aFailedTrialReopensWithAnotherWarningNamingTheLongerRecoveryTime() {
    CircuitBreaker breaker = breaker().recoveryBackoff(2.0, Duration.ofMinutes(5)).build();
    fail(breaker, 2);
    clock.advance(Duration.ofSeconds(30));

    fail(breaker, 1);

    assertThat(log.lines())
        .extracting(Line::message)
        .last()
        .isEqualTo(
            "Circuit breaker 'payments' HALF_OPEN -> OPEN after 0s in HALF_OPEN; rejecting calls for 1m");
  }

  @Test
  void manualChangesAreLoggedToo() {
    CircuitBreaker breaker = breaker().build();

    breaker.forceOpen();
    breaker.disable();

    assertThat(log.lines())
        .extracting(Line::level, Line::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "WARNING",
                "Circuit breaker 'payments' CLOSED -> "
                    + "FORCED_OPEN after 0s in CLOSED; rejecting calls until closed by hand"),
            org.assertj.core.groups.Tuple.tuple(
                "INFO",
                "Circuit breaker 'payments' FORCED_OPEN -> "
                    + "DISABLED after 0s in FORCED_OPEN; admitting every call, recording nothing"));
  }

  @Test
  void anOperatorCanSilenceTheBreakerLinesAlone() {
    CircuitBreaker breaker = breaker().build();
    try (CapturedLog breakerOnly = CapturedLog.attach("io.backon.breaker", Level.OFF)) {
      fail(breaker, 2);

      assertThat(breakerOnly.lines()).isEmpty();
    }
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aBrokenLogHandlerNeverBreaksTheTransition() {
    CircuitBreaker breaker = breaker().build();
    log.breakPublishing();

    fail(breaker, 2);

    assertThat(log.lines()).hasSize(1);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }
}
