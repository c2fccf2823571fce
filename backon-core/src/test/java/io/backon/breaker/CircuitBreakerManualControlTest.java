package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.BackonException;
import io.backon.testing.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** forceOpen, close, halfOpen, disable and reset. */
class CircuitBreakerManualControlTest {

  private final FakeClock clock = new FakeClock();
  private final List<String> transitions = new CopyOnWriteArrayList<>();

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments")
        .clock(clock)
        .onStateChange(t -> transitions.add(t.from() + "->" + t.to()));
  }

  @Test
  void forceOpenRejectsEveryCallUntilChangedByHand() {
    CircuitBreaker breaker = breaker().build();

    breaker.forceOpen();
    clock.advance(Duration.ofDays(1));

    assertThat(breaker.state()).isEqualTo(CircuitState.FORCED_OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThatThrownBy(breaker::acquirePermission)
        .isInstanceOf(CircuitOpenException.class)
        .hasMessage("Circuit breaker 'payments' is FORCED_OPEN until closed by hand");
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ZERO);
    breaker.close();
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void remainingOpenTimeCountsDownWhileOpenAndIsZeroInEveryOtherState() {
    CircuitBreaker breaker =
        breaker().failureThreshold(1).recoveryTimeout(Duration.ofSeconds(10)).build();
    assertThat(breaker.remainingOpenTime()).as("closed").isEqualTo(Duration.ZERO);

    fail(breaker, 1);
    clock.advance(Duration.ofSeconds(4));

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(6));
    assertThat(breaker.snapshot().rejectedCalls()).as("asking rejects nothing").isZero();
    clock.advance(Duration.ofSeconds(7));
    assertThat(breaker.remainingOpenTime()).as("recovery timeout passed").isEqualTo(Duration.ZERO);
    breaker.forceOpen();
    assertThat(breaker.remainingOpenTime()).as("forced open").isEqualTo(Duration.ZERO);
  }

  @Test
  void disabledPermitsEveryCallAndRecordsNothing() {
    CircuitBreaker breaker = breaker().build();

    breaker.disable();
    fail(breaker, 100);

    assertThat(breaker.state()).isEqualTo(CircuitState.DISABLED);
    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
    breaker.close();
    fail(breaker, 4);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void closeFromOpenStartsWithAnEmptyWindow() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 5);

    breaker.close();

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
    fail(breaker, 4);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void closeWhenAlreadyClosedChangesNothing() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 3);

    breaker.close();
    fail(breaker, 2);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(transitions).containsExactly("CLOSED->OPEN");
  }

  @Test
  void closeEndsTheRecoveryBackoff() {
    CircuitBreaker breaker =
        breaker()
            .failureThreshold(1)
            .recoveryTimeout(Duration.ofSeconds(10))
            .recoveryBackoff(2.0, Duration.ofMinutes(10))
            .build();
    fail(breaker, 1);
    clock.advance(Duration.ofSeconds(10));
    fail(breaker, 1);
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(20));

    breaker.close();
    fail(breaker, 1);

    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void halfOpenByHandAdmitsTrialCallsAtOnce() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 5);

    breaker.halfOpen();

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    succeed(breaker, 1);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aFailedTrialAfterHalfOpenByHandFromClosedOpensForTheRecoveryTimeout() {
    CircuitBreaker breaker = breaker().build();
    breaker.halfOpen();

    fail(breaker, 1);

    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void resetReturnsToClosedWithEmptyMetricsAndNoRejections() {
    CircuitBreaker breaker = breaker().countBasedWindow(10).minimumCalls(5).build();
    fail(breaker, 5);
    breaker.tryAcquirePermission();
    breaker.tryAcquirePermission();
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(3));

    breaker.reset();

    assertThat(breaker.snapshot())
        .isEqualTo(
            new CircuitBreakerSnapshot(
                CircuitState.CLOSED, Double.NaN, Double.NaN, 0, 0, 0, 0, 0, Duration.ZERO));
    assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->CLOSED");
  }

  @Test
  void resetWhenClosedClearsMetricsWithoutAnnouncingATransition() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 4);

    breaker.reset();

    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
    assertThat(transitions).isEmpty();
  }

  @Test
  void everyManualChangeIsAnnouncedOnce() {
    CircuitBreaker breaker = breaker().build();

    breaker.forceOpen();
    breaker.forceOpen();
    breaker.disable();
    breaker.halfOpen();
    breaker.close();
    breaker.close();

    assertThat(transitions)
        .containsExactly(
            "CLOSED->FORCED_OPEN",
            "FORCED_OPEN->DISABLED",
            "DISABLED->HALF_OPEN",
            "HALF_OPEN->CLOSED");
  }

  @Test
  void theRejectionOfAPermittingStateJustNamesTheState() {
    CircuitBreaker breaker = breaker().build();

    assertThat(breaker.rejection())
        .hasMessage("Circuit breaker 'payments' is CLOSED")
        .isInstanceOf(BackonException.class);
    breaker.disable();
    assertThat(breaker.rejection()).hasMessage("Circuit breaker 'payments' is DISABLED");
  }

  @Test
  void onlyOpenAndForcedOpenRejectEveryCall() {
    assertThat(CircuitState.values())
        .filteredOn(CircuitState::rejectsAll)
        .containsExactly(CircuitState.OPEN, CircuitState.FORCED_OPEN);
  }
}
