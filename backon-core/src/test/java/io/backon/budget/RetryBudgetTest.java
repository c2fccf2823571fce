package io.backon.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  @Test
  void startsFullAndAllowsRetries() {
    RetryBudget budget = RetryBudget.ofDefaults("orders");

    assertThat(budget.tokens()).isEqualTo(10.0);
    assertThat(budget.tryAcquireRetry()).isTrue();
    assertThat(budget.snapshot()).isEqualTo(new RetryBudgetSnapshot("orders", 10.0, 10, 1, 0));
  }

  @Test
  void refusesRetriesOnceHalfTheTokensAreSpent() {
    RetryBudget budget = RetryBudget.builder().maxTokens(10).build();
    for (int i = 0; i < 4; i++) {
      budget.onFailure();
    }
    assertThat(budget.tryAcquireRetry()).as("6 tokens > 5").isTrue();

    budget.onFailure();

    assertThat(budget.tokens()).isEqualTo(5.0);
    assertThat(budget.tryAcquireRetry()).as("5 tokens is not more than half").isFalse();
    assertThat(budget.snapshot().retriesRefused()).isEqualTo(1);
  }

  @Test
  void successesEarnTheRatioBackUntilRetriesResume() {
    RetryBudget budget = RetryBudget.builder().maxTokens(10).tokenRatio(0.5).build();
    for (int i = 0; i < 5; i++) {
      budget.onFailure();
    }
    assertThat(budget.tryAcquireRetry()).isFalse();

    budget.onSuccess();

    assertThat(budget.tokens()).isEqualTo(5.5);
    assertThat(budget.tryAcquireRetry()).isTrue();
  }

  @Test
  void tokensStayBetweenZeroAndMax() {
    RetryBudget budget = RetryBudget.builder().maxTokens(2).build();
    for (int i = 0; i < 10; i++) {
      budget.onFailure();
    }
    assertThat(budget.tokens()).isZero();
    for (int i = 0; i < 100; i++) {
      budget.onSuccess();
    }
    assertThat(budget.tokens()).isEqualTo(2.0);
  }

  @Test
  void resetRefillsAndClearsCounters() {
    RetryBudget budget = RetryBudget.ofDefaults("b");
    budget.onFailure();
    budget.tryAcquireRetry();
    for (int i = 0; i < 5; i++) {
      budget.onFailure();
    }
    assertThat(budget.tryAcquireRetry()).isFalse();
    assertThat(budget.snapshot()).isEqualTo(new RetryBudgetSnapshot("b", 4.0, 10, 1, 1));

    budget.reset();

    assertThat(budget.snapshot()).isEqualTo(new RetryBudgetSnapshot("b", 10.0, 10, 0, 0));
  }

  @Test
  void showsItsSettings() {
    RetryBudget budget = RetryBudget.builder().name("stock").maxTokens(4).tokenRatio(0.25).build();
    budget.onFailure();

    assertThat(budget.maxTokens()).isEqualTo(4);
    assertThat(budget.tokenRatio()).isEqualTo(0.25);
    assertThat(budget).hasToString("RetryBudget{name=stock, tokens=3.0/4, tokenRatio=0.25}");
  }

  @Test
  void invalidSettingsAreRejectedWithTheRule() {
    assertThatThrownBy(() -> RetryBudget.builder().maxTokens(0))
        .hasMessage("maxTokens must be >= 1 but was 0");
    assertThatThrownBy(() -> RetryBudget.builder().tokenRatio(0))
        .hasMessage("tokenRatio must be > 0 and <= 1 but was 0.0");
    assertThatThrownBy(() -> RetryBudget.builder().tokenRatio(Double.NaN))
        .hasMessage("tokenRatio must be > 0 and <= 1 but was NaN");
    assertThatThrownBy(() -> RetryBudget.builder().name(" ")).hasMessage("name must not be blank");
  }

  @Test
  void concurrentFailuresNeverDriveTokensBelowZero() throws Exception {
    RetryBudget budget = RetryBudget.builder().maxTokens(1000).build();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        pool.execute(
            () -> {
              try {
                start.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              for (int i = 0; i < 200; i++) {
                budget.onFailure();
                if (i % 3 == 0) {
                  budget.onSuccess();
                }
              }
            });
      }
      start.countDown();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    // 1600 failures, ~536 successes at 0.1: far more cost than tokens — the bucket bottoms out.
    assertThat(budget.tokens()).isBetween(0.0, 1000.0);
    assertThat(budget.tokens()).isLessThan(60.0);
  }

  @Test
  void concurrentSuccessesAndFailuresAreAllAccounted() throws Exception {
    RetryBudget budget = RetryBudget.builder().maxTokens(100_000).tokenRatio(1.0).build();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      boolean failing = t % 2 == 0;
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 5_000; i++) {
                  if (failing) {
                    budget.onFailure();
                  } else {
                    budget.onSuccess();
                  }
                }
              });
    }
    for (int t = 0; t < 2; t++) {
      for (int i = 0; i < 5_000; i++) {
        budget.onFailure();
      }
    }
    for (Thread thread : threads) {
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }

    // start 100,000; -10,000 up front; then -10,000 and +10,000 interleaved (never at a bound)
    assertThat(budget.tokens()).isEqualTo(90_000.0);
  }
}
