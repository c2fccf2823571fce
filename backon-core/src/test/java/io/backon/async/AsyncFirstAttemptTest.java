package io.backon.async;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.backon.wait.Wait;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A plain policy (no listeners, layers, deadline or result check) runs the first async attempt
 * before any per-call state exists; the call must still account for it exactly like the others.
 */
class AsyncFirstAttemptTest {

  @Test
  void anAlreadyCompletedSuccessEarnsRetryBudgetTokens() {
    RetryBudget budget = RetryBudget.builder().name("quotes").maxTokens(10).tokenRatio(0.5).build();
    budget.onFailure();
    Retrying retrying = Retrying.of(RetryPolicy.builder().retryBudget(budget).build());

    String value = retrying.callAsync(() -> CompletableFuture.completedFuture("ok")).join();

    assertThat(value).isEqualTo("ok");
    assertThat(budget.tokens()).isEqualTo(9.5);
  }

  @Test
  void anAlreadyCompletedSuccessIsRecordedInTheStatistics() {
    Retrying retrying = Retrying.of(RetryPolicy.builder().statistics(true).build());

    retrying.callAsync(() -> CompletableFuture.completedFuture("ok")).join();

    assertThat(retrying.statistics().attemptNumber()).isEqualTo(1);
  }

  @Test
  void aFirstStageThatAlreadyFailedIsRetriedWithoutCallingTheTargetAgainForIt() {
    AtomicInteger calls = new AtomicInteger();
    Retrying retrying = Retrying.of(RetryPolicy.builder().wait(Wait.none()).maxTries(3).build());

    String value =
        retrying
            .callAsync(
                () ->
                    calls.incrementAndGet() == 1
                        ? CompletableFuture.<String>failedFuture(new IllegalStateException("503"))
                        : CompletableFuture.completedFuture("ok"))
            .join();

    assertThat(value).isEqualTo("ok");
    assertThat(calls).hasValue(2);
  }

  @Test
  void theReturnedFutureIsNotTheTargetsOwn() {
    CompletableFuture<String> shared = CompletableFuture.completedFuture("ok");
    Retrying retrying = Retrying.of(RetryPolicy.builder().build());

    CompletableFuture<String> result = retrying.callAsync(() -> shared);
    result.obtrudeValue("changed by the caller");

    assertThat(shared.join()).isEqualTo("ok");
  }
}
