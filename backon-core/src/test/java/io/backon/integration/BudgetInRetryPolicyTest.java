package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetSnapshot;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A retry budget inside retry policies, on both faces. The budget has 4 tokens and earns a whole
 * token per success (tokenRatio 1.0); a retryable outcome costs one token, and a retry is allowed
 * only while more than 2 tokens (half) remain. So from a full bucket a failing call gets exactly
 * one retry: attempt 1 fails (4 → 3, retry allowed), attempt 2 fails (3 → 2, refused).
 */
class BudgetInRetryPolicyTest extends PipelineFixture {

  private final RetryBudget budget =
      RetryBudget.builder().name("shared").maxTokens(4).tokenRatio(1.0).build();

  /** Every failure thrown by a target, in order. */
  private final List<Throwable> thrown = new CopyOnWriteArrayList<>();

  private Retrying blocking(String name) {
    return Retrying.of(blockingPolicy().name(name).maxTries(5).retryBudget(budget).build());
  }

  private Retrying async(String name) {
    return Retrying.of(asyncPolicy().name(name).maxTries(5).retryBudget(budget).build());
  }

  /** A policy with no listeners at all, so the blocking engine takes its allocation-free path. */
  private Retrying quiet() {
    return Retrying.of(
        RetryPolicy.builder()
            .clock(clock)
            .sleeper(sleeper)
            .wait(Wait.constant(WAIT))
            .jitter(Jitter.none())
            .maxTries(5)
            .retryBudget(budget)
            .build());
  }

  /** Fails {@code failures} times with a fresh IOException, then answers "ok". */
  private String flaky(int failures) throws IOException {
    int n = invocations.incrementAndGet();
    if (n <= failures) {
      IOException failure = new IOException("failure #" + n);
      thrown.add(failure);
      throw failure;
    }
    return "ok";
  }

  private CompletableFuture<String> flakyAsync(int failures) {
    try {
      return CompletableFuture.completedFuture(flaky(failures));
    } catch (IOException e) {
      return failed(e);
    }
  }

  private Throwable lastThrown() {
    return thrown.get(thrown.size() - 1);
  }

  private void drain() {
    for (int i = 0; i < budget.maxTokens(); i++) {
      budget.onFailure();
    }
    assertThat(budget.tokens()).isZero();
  }

  // ---------------------------------------------------------------- blocking face

  @Test
  void failuresDrainABudgetSharedByTwoPoliciesUntilRetriesAreRefused() {
    Throwable orders =
        catchThrowable(() -> blocking("orders").call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(orders).as("the last failure itself, unwrapped").isSameAs(lastThrown());
    assertThat(invocations).as("fewer attempts than maxTries(5)").hasValue(2);
    RetryEvent ordersGaveUp = theGiveUp();
    assertThat(ordersGaveUp.giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(ordersGaveUp.policyName()).isEqualTo("orders");
    assertThat(ordersGaveUp.attemptNumber()).isEqualTo(2);
    assertThat(ordersGaveUp.failure()).isSameAs(orders);

    events.clear();
    invocations.set(0);
    Throwable billing =
        catchThrowable(() -> blocking("billing").call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(billing).isSameAs(lastThrown());
    assertThat(invocations).as("the other policy's call gets no retry at all").hasValue(1);
    RetryEvent billingGaveUp = theGiveUp();
    assertThat(billingGaveUp.giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(billingGaveUp.policyName()).isEqualTo("billing");
    RetryBudgetSnapshot snapshot = budget.snapshot();
    assertThat(snapshot.retriesAllowed()).isEqualTo(1);
    assertThat(snapshot.retriesRefused()).isEqualTo(2);
    assertThat(snapshot.tokens()).isEqualTo(1.0);
  }

  @Test
  void aFirstAttemptRunsEvenWhenTheBudgetIsEmpty() throws Exception {
    drain();

    assertThat(blocking("orders").call(() -> flaky(0))).isEqualTo("ok");
    assertThat(quiet().call(() -> "quiet ok")).isEqualTo("quiet ok");
    assertThat(invocations).hasValue(1);
    assertThat(budget.snapshot().retriesRefused()).as("a first attempt asks nothing").isZero();
  }

  @Test
  void aFailingCallWithAnEmptyBudgetRunsOnceAndGivesUpWithItsFailure() {
    drain();

    Throwable failure =
        catchThrowable(() -> blocking("orders").call(() -> flaky(Integer.MAX_VALUE)));

    assertThat(failure).isSameAs(lastThrown());
    assertThat(invocations).hasValue(1);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(sleeper.sleeps()).as("no back-off for a refused retry").isEmpty();
  }

  @Test
  void successesEarnTokensBackSoRetriesResume() throws Exception {
    catchThrowable(() -> blocking("orders").call(() -> flaky(Integer.MAX_VALUE))); // 4 → 2 tokens
    invocations.set(0);
    Throwable refused = catchThrowable(() -> blocking("orders").call(() -> flaky(1))); // 2 → 1
    assertThat(refused).as("a retry is refused while the budget is low").isSameAs(lastThrown());
    assertThat(invocations).hasValue(1);

    for (int i = 0; i < 3; i++) {
      assertThat(quiet().call(() -> "fine")).isEqualTo("fine"); // +1 token each: 1 → 4
    }
    assertThat(budget.tokens()).isEqualTo(4.0);

    invocations.set(0);
    assertThat(blocking("orders").call(() -> flaky(1))).isEqualTo("ok");
    assertThat(invocations).as("the retry was allowed again").hasValue(2);
    RetryBudgetSnapshot snapshot = budget.snapshot();
    assertThat(snapshot.retriesAllowed()).isEqualTo(2);
    assertThat(snapshot.retriesRefused()).isEqualTo(2);
    assertThat(snapshot.tokens()).as("3 after the failure, 4 after the success").isEqualTo(4.0);
  }

  // ---------------------------------------------------------------- async face

  @Test
  void asyncFailuresDrainABudgetSharedByTwoPoliciesUntilRetriesAreRefused() {
    CompletableFuture<String> orders =
        async("orders").callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(orders, WAIT);

    assertThat(failureOf(orders)).isSameAs(lastThrown());
    assertThat(invocations).hasValue(2);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(theGiveUp().failure()).isSameAs(lastThrown());

    events.clear();
    invocations.set(0);
    CompletableFuture<String> billing =
        async("billing").callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(billing, WAIT);

    assertThat(failureOf(billing)).isSameAs(lastThrown());
    assertThat(invocations).hasValue(1);
    assertThat(theGiveUp().giveUpReason()).isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
    assertThat(theGiveUp().policyName()).isEqualTo("billing");
    assertThat(budget.snapshot().retriesAllowed()).isEqualTo(1);
    assertThat(budget.snapshot().retriesRefused()).isEqualTo(2);
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void anAsyncFirstAttemptRunsEvenWhenTheBudgetIsEmpty() {
    drain();

    CompletableFuture<String> ok = async("orders").callAsync(() -> flakyAsync(0));
    assertThat(ok).isCompletedWithValue("ok");

    invocations.set(0);
    CompletableFuture<String> failing =
        async("orders").callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(failing, WAIT);
    assertThat(failureOf(failing)).isSameAs(lastThrown());
    assertThat(invocations).hasValue(1);
    assertThat(events(EventType.GIVE_UP))
        .singleElement()
        .extracting(RetryEvent::giveUpReason)
        .isEqualTo(GiveUpReason.BUDGET_EXHAUSTED);
  }

  @Test
  void asyncSuccessesEarnTokensBackSoRetriesResume() {
    CompletableFuture<String> drained =
        async("orders").callAsync(() -> flakyAsync(Integer.MAX_VALUE));
    advanceUntilDone(drained, WAIT);
    assertThat(budget.tokens()).isEqualTo(2.0);

    for (int i = 0; i < 2; i++) {
      assertThat(async("orders").<String>callAsync(() -> CompletableFuture.completedFuture("fine")))
          .isCompletedWithValue("fine");
    }
    assertThat(budget.tokens()).isEqualTo(4.0);

    invocations.set(0);
    CompletableFuture<String> retried = async("orders").callAsync(() -> flakyAsync(1));
    advanceUntilDone(retried, WAIT);
    assertThat(retried).isCompletedWithValue("ok");
    assertThat(invocations).hasValue(2);
    assertThat(budget.snapshot().retriesAllowed()).isEqualTo(2);
    assertThat(budget.snapshot().retriesRefused()).isEqualTo(1);
  }
}
