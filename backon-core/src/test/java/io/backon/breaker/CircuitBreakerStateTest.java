package io.backon.breaker;

import static io.backon.breaker.Calls.BOOM;
import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The automatic cycle CLOSED → OPEN → HALF_OPEN → CLOSED / OPEN, on a fake clock. */
class CircuitBreakerStateTest {

  private final FakeClock clock = new FakeClock();

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments").clock(clock);
  }

  private CircuitBreaker opened(CircuitBreakerBuilder builder) {
    CircuitBreaker breaker = builder.failureThreshold(1).build();
    fail(breaker, 1);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    return breaker;
  }

  @Test
  void startsClosedAndPermitsCalls() {
    CircuitBreaker breaker = breaker().build();

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void opensAfterFiveConsecutiveFailures() {
    CircuitBreaker breaker = breaker().build();

    fail(breaker, 4);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    fail(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void opensAfterThreeConsecutiveFailuresWhenTheThresholdIsThree() {
    CircuitBreaker breaker = breaker().failureThreshold(3).build();

    fail(breaker, 3);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aSuccessStartsTheConsecutiveCountAgain() {
    CircuitBreaker breaker = breaker().build();

    fail(breaker, 4);
    succeed(breaker, 1);
    fail(breaker, 4);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(4);
  }

  @Test
  void rejectsCallsWhileOpenSayingHowLongItStaysOpen() {
    CircuitBreaker breaker = opened(breaker());
    clock.advance(Duration.ofSeconds(19));

    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThatThrownBy(breaker::acquirePermission)
        .isInstanceOf(CircuitOpenException.class)
        .hasMessage("Circuit breaker 'payments' is OPEN; retry in 41s")
        .satisfies(
            e -> {
              CircuitOpenException open = (CircuitOpenException) e;
              assertThat(open.breakerName()).isEqualTo("payments");
              assertThat(open.state()).isEqualTo(CircuitState.OPEN);
              assertThat(open.remainingOpenTime()).isEqualTo(Duration.ofSeconds(41));
            });
  }

  @Test
  void staysOpenUntilTheRecoveryTimeoutHasPassed() {
    CircuitBreaker breaker = opened(breaker());

    clock.advance(Duration.ofSeconds(60).minusNanos(1));
    assertThat(breaker.tryAcquirePermission()).isFalse();
    clock.advanceNanos(1);

    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void movesToHalfOpenOnlyWhenAskedForPermission() {
    CircuitBreaker breaker = opened(breaker().recoveryTimeout(Duration.ofSeconds(5)));
    clock.advance(Duration.ofMinutes(10));

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ZERO);
    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void halfOpenAdmitsOneTrialCallByDefault() {
    CircuitBreaker breaker = opened(breaker());
    clock.advance(Duration.ofSeconds(60));

    assertThat(breaker.tryAcquirePermission()).isTrue();

    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThatThrownBy(breaker::acquirePermission)
        .hasMessage("Circuit breaker 'payments' is HALF_OPEN; its trial calls are in flight");
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ZERO);
  }

  @Test
  void halfOpenAdmitsAtMostHalfOpenMaxCallsAtOnce() {
    CircuitBreaker breaker = opened(breaker().halfOpenMaxCalls(3).successThreshold(5));
    clock.advance(Duration.ofSeconds(60));

    for (int i = 0; i < 3; i++) {
      assertThat(breaker.tryAcquirePermission()).isTrue();
    }
    assertThat(breaker.tryAcquirePermission()).isFalse();
    breaker.onSuccess(0L);

    assertThat(breaker.tryAcquirePermission()).as("the finished trial freed its slot").isTrue();
    assertThat(breaker.tryAcquirePermission()).isFalse();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
  }

  @Test
  void closesAfterOneTrialSuccessByDefault() {
    CircuitBreaker breaker = opened(breaker());
    clock.advance(Duration.ofSeconds(60));

    succeed(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void closesAfterSuccessThresholdTrialSuccesses() {
    CircuitBreaker breaker = opened(breaker().successThreshold(3));
    clock.advance(Duration.ofSeconds(60));

    succeed(breaker, 2);
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    succeed(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void reopensOnAnyTrialFailureForAnotherFullRecoveryTimeout() {
    CircuitBreaker breaker = opened(breaker().successThreshold(3));
    clock.advance(Duration.ofSeconds(60));
    succeed(breaker, 2);

    fail(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void closingStartsTheConsecutiveCountFromZero() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 5);
    clock.advance(Duration.ofSeconds(60));
    succeed(breaker, 1);

    fail(breaker, 4);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aReleasedTrialFreesItsSlotWithoutDecidingAnything() {
    CircuitBreaker breaker = opened(breaker());
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    breaker.releasePermission();

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void anIgnoredTrialFailureFreesItsSlotWithoutDecidingAnything() {
    CircuitBreaker breaker = opened(breaker().ignoreOn(IllegalStateException.class));
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    breaker.onError(0L, new IllegalStateException("cancelled"));

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void aCallReportingAfterTheBreakerOpenedRecordsNothing() {
    CircuitBreaker breaker = breaker().build();
    assertThat(breaker.tryAcquirePermission()).isTrue(); // a slow call, still running
    fail(breaker, 5);

    breaker.onSuccess(0L);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(5);
  }

  @Test
  void aCallFromTheClosedPeriodReportingInHalfOpenIsNotTakenForATrial() {
    CircuitBreaker breaker = breaker().build();
    assertThat(breaker.tryAcquirePermission()).isTrue(); // permitted while CLOSED
    breaker.halfOpen();

    breaker.onError(0L, BOOM);

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void aTrialStillRunningWhenTheBreakerHalfOpensAgainKeepsItsSlot() {
    CircuitBreaker breaker = opened(breaker().halfOpenMaxCalls(2));
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue(); // trial A, slow
    fail(breaker, 1); // trial B fails: OPEN again
    clock.advance(Duration.ofSeconds(60));

    assertThat(breaker.tryAcquirePermission()).as("one free slot").isTrue();
    assertThat(breaker.tryAcquirePermission()).as("trial A still holds the other").isFalse();
    breaker.releasePermission(); // one of them ends
    assertThat(breaker.tryAcquirePermission()).isTrue();
  }

  @Test
  void recoveryBackoffGrowsTheOpenTimeOnRepeatedTrips() {
    CircuitBreaker breaker =
        opened(
            breaker()
                .recoveryTimeout(Duration.ofSeconds(10))
                .recoveryBackoff(2.0, Duration.ofSeconds(60)));
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(10));

    for (long expected : new long[] {20, 40, 60, 60}) {
      clock.advance(breaker.rejection().remainingOpenTime());
      fail(breaker, 1); // the trial fails
      assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(expected));
    }
  }

  @Test
  void recoveryBackoffStartsOverWhenTheBreakerCloses() {
    CircuitBreaker breaker =
        opened(
            breaker()
                .recoveryTimeout(Duration.ofSeconds(10))
                .recoveryBackoff(3.0, Duration.ofMinutes(5)));
    clock.advance(Duration.ofSeconds(10));
    fail(breaker, 1);
    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    succeed(breaker, 1);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

    fail(breaker, 1);

    assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void withoutABackoffEveryTripStaysOpenForTheRecoveryTimeout() {
    CircuitBreaker breaker = opened(breaker().recoveryTimeout(Duration.ofSeconds(7)));

    for (int trip = 0; trip < 3; trip++) {
      clock.advance(Duration.ofSeconds(7));
      fail(breaker, 1);
      assertThat(breaker.rejection().remainingOpenTime()).isEqualTo(Duration.ofSeconds(7));
    }
  }
}
