package io.backon.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.ManualSleeper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Retry budget" snippet, compiled as written and held to its text. */
class ReadmeRetryBudgetExamplesTest {

  private final ManualSleeper sleeper = new ManualSleeper();
  private final List<GiveUpReason> reasons = new ArrayList<>();
  private int calls;

  private final RetryBudget budget =
      RetryBudget.builder().name("inventory").maxTokens(10).tokenRatio(0.1).build();
  private final RetryPolicy a = RetryPolicy.builder().retryBudget(budget).build();
  private final RetryPolicy b =
      RetryPolicy.builder().retryBudget(budget).maxTries(5).build(); // shared

  private Retrying onFakeTime(RetryPolicy policy) {
    return Retrying.of(
        policy.toBuilder()
            .sleeper(sleeper)
            .clock(sleeper.clock())
            .giveUpLogLevel(Level.OFF)
            .onGiveUp(event -> reasons.add(event.giveUpReason()))
            .build());
  }

  private String alwaysFailing() throws IOException {
    calls++;
    throw new IOException("inventory down #" + calls);
  }

  @Test
  void eachFailedAttemptCostsATokenAndRetriesStopAtHalfTheBucketAcrossPolicies() {
    assertThatThrownBy(() -> onFakeTime(b).call(this::alwaysFailing))
        .hasMessage("inventory down #5");
    assertThat(budget.tokens()).isEqualTo(5.0);
    assertThat(reasons).containsExactly(GiveUpReason.MAX_TRIES);

    assertThatThrownBy(() -> onFakeTime(a).call(this::alwaysFailing))
        .hasMessage("inventory down #6");

    assertThat(calls).as("the first attempt of a is never blocked, its retry is").isEqualTo(6);
    assertThat(reasons).containsExactly(GiveUpReason.MAX_TRIES, GiveUpReason.BUDGET_EXHAUSTED);
    RetryBudgetSnapshot snapshot = budget.snapshot();
    assertThat(snapshot.tokens()).isEqualTo(4.0);
    assertThat(snapshot.retriesAllowed()).isEqualTo(4);
    assertThat(snapshot.retriesRefused()).isEqualTo(1);
  }

  @Test
  void anAcceptedAttemptEarnsTheTokenRatio() throws Exception {
    assertThatThrownBy(() -> onFakeTime(b).call(this::alwaysFailing))
        .isInstanceOf(IOException.class);

    onFakeTime(a).call(() -> "in stock");

    assertThat(budget.tokens()).isEqualTo(5.1);
    assertThat(budget.tryAcquireRetry()).isTrue();
  }
}
