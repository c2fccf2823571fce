package io.backon;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.budget.RetryBudget;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An instrumented blocking call whose first attempt succeeds takes a short path; it still books
 * what every call books: statistics, budget tokens, the counted try, and no attempt left behind.
 */
class TracedSyncCallBookkeepingTest {

  private static final Duration TEN_MS = Duration.ofMillis(10);

  private final FakeClock clock = new FakeClock();

  /** Traces every call and records nothing. */
  private static final RetryInstrumentation TRACING =
      (policy, targetName) ->
          new CallTracer() {
            @Override
            public AttemptTracer attemptStarted(int attemptNumber) {
              return (outcome, failure, durationNanos) -> {};
            }

            @Override
            public void callEnded(
                CallOutcome outcome,
                @Nullable Throwable failure,
                int attempts,
                long durationNanos) {}
          };

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .clock(clock)
        .sleeper(new ManualSleeper(clock))
        .jitter(Jitter.none())
        .instrumentation(TRACING);
  }

  private String taking10ms() {
    clock.advance(TEN_MS);
    return "ok";
  }

  @Test
  void itRecordsStatisticsAndEarnsBudgetTokens() throws Exception {
    clock.advance(Duration.ofHours(1));
    RetryBudget budget = RetryBudget.builder().name("quotes").maxTokens(10).tokenRatio(0.5).build();
    budget.onFailure();
    Retrying retrying = Retrying.of(policy().retryBudget(budget).statistics(true).build());

    assertThat(retrying.call(this::taking10ms)).isEqualTo("ok");

    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
    assertThat(retrying.statistics().elapsed()).isEqualTo(TEN_MS);
    assertThat(budget.tokens()).isEqualTo(9.5);
  }

  @Test
  void itCountsItsTryForBackonTesting() {
    Retrying retrying = Retrying.of(policy().build());

    BackonTesting.assertNotRetried(() -> retrying.call(this::taking10ms));
  }

  @Test
  void itLeavesNoAttemptNumberOnTheThread() throws Exception {
    Retrying retrying = Retrying.of(policy().build());

    assertThat(retrying.call(() -> "attempt " + Retries.attemptNumber())).isEqualTo("attempt 1");
    assertThat(Retries.isRetrying()).isFalse();
  }
}
