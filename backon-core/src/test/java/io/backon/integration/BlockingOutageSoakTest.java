package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retrying;
import io.backon.breaker.CircuitState;
import org.junit.jupiter.api.Test;

/**
 * Sixteen callers of one blocking policy live an outage together: the downstream goes down, stays
 * down while the breaker's trials race and fail, then recovers. Afterwards the breaker has closed
 * and admits calls (no trial permission leaked), the budget is full, every call ended the way a
 * caller can act on, and the meters count exactly the calls and attempts made.
 */
class BlockingOutageSoakTest extends OutageFixture {

  private static final int CALLERS = 16;

  @Test
  void sixteenPlatformThreadsLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      liveAnOutage(callers);
    }
  }

  @Test
  void virtualThreadsLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    try (Callers callers = Callers.virtualThreads(CALLERS)) {
      liveAnOutage(callers);
    }
  }

  private void liveAnOutage(Callers callers) throws Exception {
    Retrying retrying = Retrying.of(policy().build());

    downstream.up.set(false);
    callers.race(caller -> callBlocking(retrying, 20));
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

    for (int round = 0; round < 3; round++) { // stays down: the trials race and reopen it
      clock.advance(RECOVERY);
      callers.race(caller -> callBlocking(retrying, 5));
      assertThat(breaker.state())
          .as("after failed trials, round %d", round)
          .isEqualTo(CircuitState.OPEN);
    }

    downstream.up.set(true);
    clock.advance(RECOVERY);
    callers.race(caller -> callBlocking(retrying, 10));
    long valuesBefore = seen(Seen.VALUE);
    int bufferedBefore = breaker.snapshot().bufferedCalls();
    callers.race(caller -> callBlocking(retrying, 10));

    assertThat(seen(Seen.VALUE) - valuesBefore).as("values once recovered").isEqualTo(CALLERS * 10);
    assertThat(breaker.snapshot().bufferedCalls() - bufferedBefore)
        .as("verdicts recorded for as many attempts")
        .isEqualTo(CALLERS * 10);
    assertThat(seen(Seen.TARGET_FAILURE) + seen(Seen.REJECTED_AFTER_TARGET_FAILURE)).isPositive();
    assertThat(seen(Seen.REJECTED_BEFORE_REACHING_TARGET)).isPositive();
    assertThat(sleeps).as("back-offs slept").allMatch(nanos -> nanos == BACKOFF.toNanos());
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }
}
