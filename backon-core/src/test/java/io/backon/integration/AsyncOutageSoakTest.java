package io.backon.integration;

import io.backon.Retrying;
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
    Retrying retrying = asyncRetrying();
    liveAnOutage(() -> callAsync(retrying));
  }

  @Test
  void supplyAsyncCallersLeaveTheBreakerBudgetAndMetersConsistent() throws Exception {
    Retrying retrying = asyncRetrying();
    liveAnOutage(() -> supplyAsync(retrying));
  }

  @Test
  void cancelledCallsKeepNeitherATrialPermissionNorATimer() throws Exception {
    Retrying retrying = asyncRetrying();
    cancelSomeCallsMidCall(() -> callAsync(retrying));
  }

  @Test
  void callsCancelledMidBackoffOrMidAttemptLeakNothing() throws Exception {
    Retrying retrying = asyncRetrying();
    cancelCallsDuringABackoffAndDuringAnAttempt(() -> callAsync(retrying));
  }
}
