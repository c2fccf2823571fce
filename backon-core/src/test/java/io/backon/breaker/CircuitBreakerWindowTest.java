package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Failure-rate and slow-call-rate rules over count- and time-based windows, and snapshots. */
class CircuitBreakerWindowTest {

  private static final Duration SLOW = Duration.ofSeconds(2);

  private final FakeClock clock = new FakeClock();

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments").clock(clock);
  }

  @Test
  void countWindowOpensAtTheFailureRateOnceMinimumCallsAreBuffered() {
    CircuitBreaker breaker = breaker().countBasedWindow(10).minimumCalls(4).build();

    succeed(breaker, 1);
    fail(breaker, 1);
    succeed(breaker, 1);
    assertThat(breaker.state()).as("3 calls are below minimumCalls").isEqualTo(CircuitState.CLOSED);
    fail(breaker, 1);

    assertThat(breaker.state()).as("2 of 4 failed: 50%").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void countWindowForgetsItsOldestCalls() {
    CircuitBreaker breaker = breaker().countBasedWindow(4).failureRateThreshold(75).build();

    fail(breaker, 2);
    succeed(breaker, 4);
    assertThat(breaker.snapshot().failedCalls()).isZero();
    fail(breaker, 2);

    assertThat(breaker.state())
        .as("2 of the last 4 failed: 50% < 75%")
        .isEqualTo(CircuitState.CLOSED);
    fail(breaker, 1);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aWindowFullOfSuccessesStillCountsEveryFailureThatFollows() {
    CircuitBreaker breaker = breaker().countBasedWindow(4).failureRateThreshold(75).build();

    succeed(breaker, 10);
    fail(breaker, 2);

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(4);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(2);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    fail(breaker, 1);
    assertThat(breaker.state()).as("3 of the last 4 failed").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aWindowReplacesTheDefaultConsecutiveFailureRule() {
    CircuitBreaker breaker = breaker().countBasedWindow(100).minimumCalls(50).build();

    fail(breaker, 20);

    assertThat(breaker.config().failureThreshold()).isZero();
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anExplicitFailureThresholdStillAppliesBesideAWindow() {
    CircuitBreaker breaker =
        breaker().countBasedWindow(100).minimumCalls(50).failureThreshold(3).build();

    fail(breaker, 3);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void minimumCallsIsCappedAtTheSizeOfACountWindow() {
    CircuitBreaker breaker = breaker().countBasedWindow(4).build();

    fail(breaker, 2);
    succeed(breaker, 1);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    fail(breaker, 1);

    assertThat(breaker.config().minimumCalls()).isEqualTo(4);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void slowCallsOpenTheBreakerAtTheSlowCallRate() {
    CircuitBreaker breaker =
        breaker().countBasedWindow(4).slowCallDuration(SLOW).slowCallRateThreshold(50).build();

    succeed(breaker, 2);
    succeed(breaker, 1, SLOW.minusNanos(1));
    succeed(breaker, 1, SLOW);
    assertThat(breaker.state()).as("1 slow of 4").isEqualTo(CircuitState.CLOSED);
    succeed(breaker, 1, SLOW.plusSeconds(5));

    assertThat(breaker.state()).as("2 slow of the last 4").isEqualTo(CircuitState.OPEN);
  }

  @Test
  void slowCallsNeedTheWholeWindowAtTheDefaultSlowCallRate() {
    CircuitBreaker breaker = breaker().countBasedWindow(3).slowCallDuration(SLOW).build();

    succeed(breaker, 2, SLOW);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    succeed(breaker, 1, SLOW);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aSlowFailureCountsAsFailedAndSlow() {
    CircuitBreaker breaker =
        breaker()
            .countBasedWindow(10)
            .minimumCalls(2)
            .failureRateThreshold(100)
            .slowCallDuration(SLOW)
            .build();

    succeed(breaker, 1);
    breaker.tryAcquirePermission();
    breaker.onError(SLOW.toNanos(), Calls.BOOM);

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.failedCalls()).isEqualTo(1);
    assertThat(snapshot.slowCalls()).isEqualTo(1);
    assertThat(snapshot.failureRate()).isEqualTo(50.0);
    assertThat(snapshot.slowCallRate()).isEqualTo(50.0);
  }

  @Test
  void aSlowTrialCallReopensTheBreaker() {
    CircuitBreaker breaker = breaker().countBasedWindow(1).slowCallDuration(SLOW).build();
    succeed(breaker, 1, SLOW);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    clock.advance(Duration.ofSeconds(60));

    succeed(breaker, 1, SLOW);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void snapshotReportsRatesAsNotMeasuredBelowMinimumCalls() {
    CircuitBreaker breaker =
        breaker().countBasedWindow(10).minimumCalls(5).slowCallDuration(SLOW).build();

    fail(breaker, 2);
    succeed(breaker, 1, SLOW);
    clock.advance(Duration.ofMillis(1500));

    assertThat(breaker.snapshot())
        .isEqualTo(
            new CircuitBreakerSnapshot(
                CircuitState.CLOSED,
                Double.NaN,
                Double.NaN,
                3,
                2,
                1,
                0,
                0,
                Duration.ofMillis(1500)));
  }

  @Test
  void snapshotReportsRatesOnceMinimumCallsAreBuffered() {
    CircuitBreaker breaker =
        breaker()
            .countBasedWindow(10)
            .minimumCalls(4)
            .failureRateThreshold(90)
            .slowCallDuration(SLOW)
            .build();

    fail(breaker, 1);
    succeed(breaker, 2);
    succeed(breaker, 1, SLOW);

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.failureRate()).isEqualTo(25.0);
    assertThat(snapshot.slowCallRate()).isEqualTo(25.0);
    assertThat(snapshot.bufferedCalls()).isEqualTo(4);
  }

  @Test
  void snapshotWithoutAWindowReportsOnlyConsecutiveFailures() {
    CircuitBreaker breaker = breaker().build();

    fail(breaker, 3);

    assertThat(breaker.snapshot())
        .isEqualTo(
            new CircuitBreakerSnapshot(
                CircuitState.CLOSED, Double.NaN, Double.NaN, 0, 0, 0, 3, 0, Duration.ZERO));
  }

  @Test
  void snapshotCountsRejectionsAndTimeInState() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 5);
    clock.advance(Duration.ofSeconds(7));

    for (int i = 0; i < 3; i++) {
      breaker.tryAcquirePermission();
    }

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.state()).isEqualTo(CircuitState.OPEN);
    assertThat(snapshot.rejectedCalls()).isEqualTo(3);
    assertThat(snapshot.timeInState()).isEqualTo(Duration.ofSeconds(7));
    assertThat(snapshot.consecutiveFailures()).as("frozen from the CLOSED period").isEqualTo(5);
  }

  @Test
  void closingStartsAnEmptyWindow() {
    CircuitBreaker breaker = breaker().countBasedWindow(4).build();
    fail(breaker, 4);
    clock.advance(Duration.ofSeconds(60));
    succeed(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().bufferedCalls()).isZero();
  }

  /**
   * 3 failures + 1 success = 4 calls (minimumCalls) at 75% >= 50%: the rule "once the window holds
   * minimumCalls calls, a failure rate of at least failureRateThreshold opens" holds, but a fast
   * success never evaluates the rates (ClosedMetrics.recordSuccess returns early unless slow).
   */
  @Test
  void aFastSuccessThatCompletesMinimumCallsOpensWhenTheFailureRateIsExceeded() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("rate")
            .clock(clock)
            .countBasedWindow(10)
            .minimumCalls(4)
            .failureRateThreshold(50)
            .build();

    fail(breaker, 3);
    succeed(breaker, 1);

    assertThat(breaker.snapshot().failureRate()).isEqualTo(75.0);
    assertThat(breaker.state())
        .as("75% of the minimum 4 calls failed")
        .isEqualTo(CircuitState.OPEN);
    assertThat(breaker.tryAcquirePermission()).isFalse();
  }

  /**
   * The success completing {@code minimumCalls} follows a success, not a failure: it is the only
   * call that can see the rate, so it must check it.
   */
  @Test
  void successThatCompletesMinimumCallsChecksTheRates() {
    CircuitBreaker breaker =
        breaker().countBasedWindow(10).minimumCalls(4).failureRateThreshold(25).build();

    fail(breaker, 1);
    succeed(breaker, 2);
    assertThat(breaker.state()).as("3 calls, below minimumCalls").isEqualTo(CircuitState.CLOSED);
    succeed(breaker, 1);

    assertThat(breaker.state())
        .as("1 of the minimum 4 calls failed: 25%")
        .isEqualTo(CircuitState.OPEN);
  }

  @Test
  void slowCallsAgeOutOfAFullCountWindowAsFastSuccessesFollow() {
    CircuitBreaker breaker = breaker().countBasedWindow(4).slowCallDuration(SLOW).build();
    succeed(breaker, 1, SLOW);
    succeed(breaker, 3);
    assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);

    succeed(breaker, 1);

    assertThat(breaker.snapshot().slowCalls()).as("the slow call left the window").isZero();
    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(4);
  }

  @Test
  void sameWithTheDefaultMinimumOfTenCalls_9of10Failed_stillLetsCallsThrough() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("rate10")
            .clock(clock)
            .timeBasedWindow(Duration.ofSeconds(60))
            .build();

    fail(breaker, 9);
    succeed(breaker, 1);

    assertThat(breaker.snapshot().failureRate()).isEqualTo(90.0);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }
}
