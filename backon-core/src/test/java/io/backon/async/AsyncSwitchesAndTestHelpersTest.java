package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.BackonTesting;
import io.backon.testing.TestScope;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The global switch, a disabled policy, the test helpers of {@code BackonTesting} and the attempt
 * context work for async calls as they do for blocking ones.
 */
class AsyncSwitchesAndTestHelpersTest extends AsyncLikeBlockingFixture {

  @Test
  void theGlobalSwitchMakesAsyncCallsRunTheTargetOnce() {
    IOException down = new IOException("down");
    AtomicInteger calls = new AtomicInteger();
    Retrying retrying =
        Retrying.of(fakeTimePolicy(asyncClock, scheduler).wait(Wait.none()).maxTries(5).build());
    Retries.disable();
    try {
      assertThat(retrying.isEnabled()).isFalse();

      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(down);
              });

      assertThat(calls).hasValue(1);
      assertThat(failureOf(result)).isSameAs(down);
      assertThat(scheduler.pendingTasks()).isZero();
    } finally {
      Retries.enable();
    }
    CompletableFuture<String> enabledAgain =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              return CompletableFuture.failedFuture(down);
            });
    assertThat(failureOf(enabledAgain)).isSameAs(down);
    assertThat(calls).hasValue(6);
  }

  @Test
  void aDisabledPolicyRunsTheTargetOnce() {
    AtomicInteger calls = new AtomicInteger();
    Retrying retrying =
        Retrying.of(fakeTimePolicy(asyncClock, scheduler).wait(Wait.none()).enabled(false).build());

    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              throw new IllegalStateException("down");
            });

    assertThat(calls).hasValue(1);
    assertThat(failureOf(result)).isInstanceOf(IllegalStateException.class).hasMessage("down");
  }

  @Test
  void assertRetriedCountsAsyncAttempts() {
    AtomicInteger calls = new AtomicInteger();
    // a one-minute back-off that assertRetried removes, so every attempt runs inline
    Retrying retrying =
        Retrying.of(
            fakeTimePolicy(asyncClock, scheduler)
                .wait(Wait.constant(Duration.ofMinutes(1)))
                .maxTries(4)
                .build());

    int tries =
        BackonTesting.assertRetried(
            () ->
                retrying
                    .callAsync(
                        () -> {
                          calls.incrementAndGet();
                          return CompletableFuture.<String>failedFuture(new IOException("down"));
                        })
                    .join(),
            4);

    assertThat(tries).isEqualTo(4);
    assertThat(calls).hasValue(4);
    assertThat(asyncClock.elapsed()).isZero();
  }

  @Test
  void assertRetriedCountsAsyncAttemptsOnTheRealScheduler() {
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder().wait(Wait.constant(Duration.ofMinutes(1))).maxTries(3).build());

    BackonTesting.assertRetried(
        () -> retrying.callAsync(new Script("503", "504", "ok").async()).get(10, TimeUnit.SECONDS),
        3);
  }

  @Test
  void limitRetriesCapsAsyncCalls() {
    AtomicInteger calls = new AtomicInteger();
    Retrying retrying =
        Retrying.of(fakeTimePolicy(asyncClock, scheduler).wait(Wait.none()).maxTries(5).build());

    try (TestScope twoTries = BackonTesting.limitRetries(2)) {
      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(new IOException("down"));
              });
      assertThat(failureOf(result)).isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(2);
  }

  @Test
  void disableRetriesScopeMakesAsyncCallsRunOnce() {
    AtomicInteger calls = new AtomicInteger();
    Retrying retrying =
        Retrying.of(fakeTimePolicy(asyncClock, scheduler).wait(Wait.none()).maxTries(5).build());

    try (TestScope off = BackonTesting.disableRetries()) {
      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(new IOException("down"));
              });
      assertThat(failureOf(result)).isInstanceOf(IOException.class);
    }

    assertThat(calls).hasValue(1);
  }

  @Test
  void theAttemptNumberIsVisibleInsideTheSupplier() {
    List<Integer> numbers = new CopyOnWriteArrayList<>();
    List<Boolean> retrying = new CopyOnWriteArrayList<>();
    Script script = new Script("503", "504", "ok");

    CompletableFuture<String> result =
        Retrying.of(asyncPolicy(new CopyOnWriteArrayList<>()).build())
            .callAsync(
                () -> {
                  numbers.add(Retries.attemptNumber());
                  retrying.add(Retries.isRetrying());
                  return script.async().get();
                });
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(numbers).containsExactly(1, 2, 3);
    assertThat(retrying).containsExactly(true, true, true);
    assertThat(Retries.attemptNumber()).as("outside any attempt").isZero();
  }
}
