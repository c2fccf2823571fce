package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The edges of a policy's limits: exact deadlines, a supplied single try, budgets for values. */
class RetryLimitsEdgesTest {

  private final FakeClock clock = new FakeClock();
  private final ManualSleeper sleeper = new ManualSleeper(clock);
  private final AtomicInteger calls = new AtomicInteger();

  private String failing() throws IOException {
    calls.incrementAndGet();
    throw new IOException("down");
  }

  @Test
  void aWaitEndingExactlyAtTheDeadlineEndsTheCallAtOnce() {
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .clock(clock)
                .sleeper(sleeper)
                .wait(Wait.constant(Duration.ofSeconds(1)))
                .jitter(Jitter.none())
                .maxTries(5)
                .deadline(Duration.ofSeconds(1))
                .giveUpLogLevel(Level.OFF)
                .build());

    assertThatThrownBy(() -> retrying.call(this::failing))
        .isInstanceOf(DeadlineExceededException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(calls).hasValue(1);
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void aMaxTriesSupplierReturningOneMakesASingleAttempt() {
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .clock(clock)
                .sleeper(sleeper)
                .maxTries(() -> 1)
                .giveUpLogLevel(Level.OFF)
                .build());

    assertThatThrownBy(() -> retrying.call(this::failing)).isInstanceOf(IOException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void retryingARejectedValueSpendsARetryBudgetToken() throws Exception {
    RetryBudget budget = RetryBudget.builder().name("quotes").maxTokens(10).tokenRatio(0.5).build();
    double before = budget.tokens();
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .clock(clock)
                .sleeper(sleeper)
                .wait(Wait.none())
                .retryBudget(budget)
                .retryIfResult("pending"::equals)
                .build());

    String value = retrying.call(() -> calls.incrementAndGet() == 1 ? "pending" : "ready");

    assertThat(value).isEqualTo("ready");
    assertThat(budget.tokens()).as("one token spent, half a token earned").isEqualTo(before - 0.5);
  }
}
