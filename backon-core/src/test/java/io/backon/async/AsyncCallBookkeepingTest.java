package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.DeadlineExceededException;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.TestScope;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What an async call books besides its result: statistics timed from the call's start, budget
 * tokens, counted tries, and a deadline that passes while the call runs a listener.
 */
class AsyncCallBookkeepingTest {

  private static final Duration TEN_MS = Duration.ofMillis(10);

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger calls = new AtomicInteger();

  /** An instrumentation that traces every call and records nothing. */
  private static final RetryInstrumentation TRACING =
      (policy, targetName) ->
          new CallTracer() {
            @Override
            public AttemptTracer attemptStarted(int attemptNumber) {
              return (outcome, failure, durationNanos) -> {};
            }

            @Override
            public void callEnded(
                io.backon.instrumentation.CallOutcome outcome,
                Throwable failure,
                int attempts,
                long durationNanos) {}
          };

  private RetryPolicyBuilder policy() {
    return fakeTimePolicy(clock, scheduler).wait(Wait.constant(Duration.ofMillis(100)));
  }

  /** Takes 10 ms of the fake clock; fails the first {@code failures} calls at once. */
  private CompletableFuture<String> taking10ms(int failures) {
    clock.advance(TEN_MS);
    return calls.incrementAndGet() <= failures
        ? CompletableFuture.failedFuture(new IOException("down #" + calls.get()))
        : CompletableFuture.completedFuture("ok");
  }

  @Test
  void statisticsOfACallThatSucceedsAtOnceTimeTheCallNotTheClocksAge() {
    clock.advance(Duration.ofHours(1));
    Retrying retrying = Retrying.of(policy().statistics(true).build());

    retrying.callAsync(() -> taking10ms(0)).join();

    assertThat(retrying.statistics().elapsed()).isEqualTo(TEN_MS);
  }

  @Test
  void statisticsOfARetriedCallIncludeItsFirstAttempt() {
    clock.advance(Duration.ofHours(1));
    Retrying retrying = Retrying.of(policy().statistics(true).build());

    CompletableFuture<String> call = retrying.callAsync(() -> taking10ms(1));
    scheduler.advance(Duration.ofMillis(100));

    assertThat(call.join()).isEqualTo("ok");
    assertThat(retrying.statistics().elapsed()).isEqualTo(Duration.ofMillis(120));
  }

  @Test
  void aTracedCallThatSucceedsAtOnceRecordsItsStatisticsAndEarnsBudgetTokens() {
    clock.advance(Duration.ofHours(1));
    RetryBudget budget = RetryBudget.builder().name("quotes").maxTokens(10).tokenRatio(0.5).build();
    budget.onFailure();
    Retrying retrying =
        Retrying.of(policy().instrumentation(TRACING).retryBudget(budget).statistics(true).build());

    retrying.callAsync(() -> taking10ms(0)).join();

    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
    assertThat(retrying.statistics().elapsed()).isEqualTo(TEN_MS);
    assertThat(budget.tokens()).isEqualTo(9.5);
  }

  @Test
  void aTracedCallCountsItsTryForBackonTesting() {
    Retrying retrying = Retrying.of(policy().instrumentation(TRACING).build());

    BackonTesting.assertNotRetried(() -> retrying.callAsync(() -> taking10ms(0)).join());
  }

  @Test
  void aCallWithRetryingTurnedOffStillCountsItsOneTry() {
    Retrying retrying = Retrying.of(policy().statistics(true).build());

    try (TestScope off = BackonTesting.disableRetries()) {
      BackonTesting.assertNotRetried(() -> retrying.callAsync(() -> taking10ms(0)).join());
    }
  }

  @Test
  void aDeadlinePassingWhileAListenerRunsBeforeTheFirstAttemptEndsTheCallWithoutCallingTheTarget() {
    Retrying retrying =
        Retrying.of(
            policy()
                .deadline(Duration.ofSeconds(1))
                .onAttempt(event -> scheduler.advance(Duration.ofSeconds(2)))
                .build());

    CompletableFuture<String> call = retrying.callAsync(() -> taking10ms(0));

    assertThat(failureOf(call)).isInstanceOf(DeadlineExceededException.class);
    assertThat(calls).as("target calls").hasValue(0);
  }

  @Test
  void aDeadlinePassingWhileABeforeSleepListenerRunsEndsTheCallWithTheLastFailureAsCause() {
    Retrying retrying =
        Retrying.of(
            policy()
                .deadline(Duration.ofSeconds(1))
                .statistics(true)
                .beforeSleep(event -> scheduler.advance(Duration.ofSeconds(2)))
                .build());

    CompletableFuture<String> call = retrying.callAsync(() -> taking10ms(5));

    assertThat(failureOf(call))
        .isInstanceOf(DeadlineExceededException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(calls).as("target calls").hasValue(1);
    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
    assertThat(scheduler.pendingTasks()).as("no back-off or timer left").isZero();
  }

  @Test
  void anExecutorRejectingTheRetryCancelsTheDeadlineTimerAndRecordsTheCall() {
    Retrying retrying =
        Retrying.of(
            policy()
                .deadline(Duration.ofMinutes(1))
                .statistics(true)
                .executor(
                    task -> {
                      throw new RejectedExecutionException("executor shut down");
                    })
                .build());

    CompletableFuture<String> call = retrying.callAsync(() -> taking10ms(5));
    scheduler.advance(Duration.ofMillis(100));

    assertThat(failureOf(call)).isInstanceOf(IOException.class).hasMessage("down #1");
    assertThat(scheduler.pendingTasks()).as("the deadline timer is cancelled").isZero();
    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
    assertThat(retrying.statistics().elapsed()).isEqualTo(Duration.ofMillis(110));
  }
}
