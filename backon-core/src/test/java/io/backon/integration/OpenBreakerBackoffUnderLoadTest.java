package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retrying;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.backon.budget.RetryBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many calls fail at once while the breaker opens, and half-open trials race: a retry the OPEN
 * breaker is sure to reject is never waited for (blocking: not slept; async: not scheduled), each
 * trial's verdict is recorded once and before its call decides, so every round of failed trials
 * moves the breaker OPEN → HALF_OPEN → OPEN exactly once and recovery closes it once. The budget is
 * roomy, so that it never decides first.
 */
class OpenBreakerBackoffUnderLoadTest extends AsyncOutageFixture {

  private static final int TRIAL_ROUNDS = 5;

  private final RetryBudget roomy = RetryBudget.builder().name("roomy").maxTokens(100_000).build();
  private final AtomicInteger sleptWhileOpen = new AtomicInteger();

  @Test
  void blockingCallsNeverSleepBeforeACertainRejection() throws Exception {
    Retrying retrying =
        Retrying.of(
            policy()
                .retryBudget(roomy)
                .sleeper(
                    nanos -> {
                      if (nanos > 0) {
                        sleeps.add(nanos);
                        if (breaker.state() == CircuitState.OPEN) {
                          sleptWhileOpen.incrementAndGet();
                        }
                      }
                    })
                .build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      callers.race(caller -> callBlocking(retrying, 20));
      assertThat(sleptWhileOpen)
          .as("sleeps decided before the breaker opened, at most one per caller")
          .hasValueLessThanOrEqualTo(CALLERS);
      int sleptBeforeTrials = sleeps.size();
      long rejectedAfterFailure = seen(Seen.REJECTED_AFTER_TARGET_FAILURE);
      int requestsBeforeTrials = downstream.invocations.get();

      for (int round = 0; round < TRIAL_ROUNDS; round++) {
        clock.advance(RECOVERY);
        callers.race(caller -> callBlocking(retrying, 5));
      }

      assertThat(sleeps).as("back-offs slept after failed trials").hasSize(sleptBeforeTrials);
      // At most halfOpenMaxCalls trials run at once; one that fails gives its slot back just
      // before the breaker reopens, so another caller may take it: bound by the requests made.
      assertThat(seen(Seen.REJECTED_AFTER_TARGET_FAILURE) - rejectedAfterFailure)
          .as("failed trials whose retry was rejected at once")
          .isBetween(
              (long) TRIAL_ROUNDS, (long) downstream.invocations.get() - requestsBeforeTrials);

      downstream.up.set(true);
      clock.advance(RECOVERY);
      callers.race(caller -> callBlocking(retrying, 10));
    }
    assertEachTransitionHappenedOnce();
    assertTheBooksBalance(callsMade.get());
  }

  @Test
  void asyncCallsNeverScheduleABackoffBeforeACertainRejection() throws Exception {
    Retrying retrying =
        Retrying.of(policy().retryBudget(roomy).scheduler(timers).executor(attemptThreads).build());
    try (Callers callers = Callers.platformThreads(CALLERS)) {
      downstream.up.set(false);
      round(callers, 20, () -> callAsync(retrying));
      long waitsBeforeTrials = positiveDelays();
      long rejectedAfterFailure = seen(Seen.REJECTED_AFTER_TARGET_FAILURE);
      int requestsBeforeTrials = downstream.invocations.get();

      for (int round = 0; round < TRIAL_ROUNDS; round++) {
        clock.advance(RECOVERY);
        round(callers, 5, () -> callAsync(retrying));
      }

      assertThat(positiveDelays()).as("back-offs after failed trials").isEqualTo(waitsBeforeTrials);
      // At most halfOpenMaxCalls trials run at once; one that fails gives its slot back just
      // before the breaker reopens, so another caller may take it: bound by the requests made.
      assertThat(seen(Seen.REJECTED_AFTER_TARGET_FAILURE) - rejectedAfterFailure)
          .as("failed trials whose retry was rejected at once")
          .isBetween(
              (long) TRIAL_ROUNDS, (long) downstream.invocations.get() - requestsBeforeTrials);

      downstream.up.set(true);
      clock.advance(RECOVERY);
      round(callers, 10, () -> callAsync(retrying));
    }
    assertEachTransitionHappenedOnce();
    assertThat(timers.pending()).isZero();
    assertTheBooksBalance(callsMade.get());
  }

  private void assertEachTransitionHappenedOnce() {
    List<String> expected = new ArrayList<>(List.of("CLOSED->OPEN"));
    for (int round = 0; round < TRIAL_ROUNDS; round++) {
      expected.add("OPEN->HALF_OPEN");
      expected.add("HALF_OPEN->OPEN");
    }
    expected.add("OPEN->HALF_OPEN");
    expected.add("HALF_OPEN->CLOSED");
    assertThat(transitions.stream().map(OpenBreakerBackoffUnderLoadTest::describe))
        .as("transitions (racing ones may be announced out of order, as documented)")
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  private static String describe(CircuitStateTransition transition) {
    return transition.from() + "->" + transition.to();
  }
}
