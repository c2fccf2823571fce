package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.Retrying;
import io.backon.breaker.CircuitState;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sixteen callers of one policy's future faces live an outage together, as {@link
 * BlockingOutageSoakTest} does for the blocking face, some of them cancelling their calls on the
 * way: no call hangs, no trial permission or timer outlives its call, and breaker, budget and
 * meters add up.
 */
class AsyncOutageSoakTest extends AsyncOutageFixture {

  @Test
  void callAsyncCallersLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    liveAnOutage(this::callAsync);
  }

  @Test
  void supplyAsyncCallersLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    liveAnOutage(this::supplyAsync);
  }

  @Test
  void cancelledCallsKeepNeitherATrialPermissionNorATimer() throws Exception {
    Retrying retrying = asyncRetrying();
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      List<Call> opening = start(callers, 20, this::callAsync, retrying);
      for (int i = 0; i < opening.size(); i += 3) { // mid-attempt, mid-back-off, or already over
        opening.get(i).future().cancel(true);
      }
      endAll(opening);
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

      clock.advance(RECOVERY);
      hangs.set(true);
      List<Call> trials = start(callers, 5, this::callAsync, retrying);
      await().atMost(Duration.ofSeconds(5)).until(() -> hung.size() == 2);
      trials.forEach(call -> call.future().cancel(true));
      endAll(trials);
      assertThat(hung).as("the trials' own futures").allMatch(future -> future.isCancelled());
      assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);

      hangs.set(false);
      downstream.up.set(true);
      round(callers, 10, this::callAsync, retrying);
      round(callers, 10, this::callAsync, retrying);
    }

    assertThat(seen(Seen.CANCELLED)).isPositive();
    assertThat(timers.pending()).as("timers left scheduled").isZero();
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }

  private void liveAnOutage(Function<Retrying, Call> face) throws Exception {
    Retrying retrying = asyncRetrying();
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      round(callers, 20, face, retrying);
      assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

      for (int round = 0; round < 3; round++) {
        clock.advance(RECOVERY);
        round(callers, 5, face, retrying);
        assertThat(breaker.state())
            .as("after failed trials, round %d", round)
            .isEqualTo(CircuitState.OPEN);
      }

      downstream.up.set(true);
      clock.advance(RECOVERY);
      round(callers, 10, face, retrying);
      long valuesBefore = seen(Seen.VALUE);
      int bufferedBefore = breaker.snapshot().bufferedCalls();
      round(callers, 10, face, retrying);
      assertThat(seen(Seen.VALUE) - valuesBefore).isEqualTo(CALLERS * 10);
      assertThat(breaker.snapshot().bufferedCalls() - bufferedBefore)
          .as("verdicts recorded for as many attempts")
          .isEqualTo(CALLERS * 10);
    }

    assertThat(timers.delays)
        .as("back-offs asked for")
        .allMatch(nanos -> nanos == 0 || nanos == BACKOFF.toNanos());
    assertThat(timers.pending()).as("timers left scheduled").isZero();
    assertRecovered();
    assertTheBooksBalance(callsMade.get());
  }
}
