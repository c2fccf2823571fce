package io.backon.timeout;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of {@code supplyAsync} in fake time: a blocking attempt is
 * interrupted by its timeout.
 */
class SupplyAsyncTimeLimitTest extends AsyncTimeLimitFixture {

  /**
   * {@code supplyAsync} in fake time: each attempt blocks a real worker thread until the fake clock
   * reaches its end; the test moves the clock once the workers have settled.
   */
  @Nested
  class SupplyAsyncInFakeTime {

    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final SettlingPool pool = new SettlingPool(clock);
    private final List<Duration> interruptedAt = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopPool() {
      pool.close();
    }

    private RetryPolicyBuilder policy() {
      return recording(RetryPolicy.builder().clock(clock).scheduler(scheduler).executor(pool));
    }

    private String sleepThenReturn(Duration latency, String value) throws InterruptedException {
      calls.incrementAndGet();
      try {
        pool.sleep(latency);
      } catch (InterruptedException stopped) {
        interruptedAt.add(clock.elapsed());
        throw stopped;
      }
      return value;
    }

    private CompletableFuture<String> run(CompletableFuture<String> result) {
      pool.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));
      return result;
    }

    @Test
    void blockingAttemptsAreInterruptedByTheirTimeoutUntilTheDeadlineEndsTheCall()
        throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result =
          run(retrying.supplyAsync(() -> sleepThenReturn(SECOND, "too late")));

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(5);
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        AttemptTimeoutException.class,
                        timeout -> assertThat(timeout.attemptNumber()).isEqualTo(4));
              });
      assertThat(calls).hasValue(5);
      assertThat(clock.elapsed()).isEqualTo(MS_500);
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> interruptedAt.size() == 5);
      assertThat(interruptedAt)
          .containsExactly(
              Duration.ofMillis(100),
              Duration.ofMillis(200),
              Duration.ofMillis(300),
              Duration.ofMillis(400),
              MS_500);
    }

    @Test
    void aBlockingTargetGettingFasterSucceedsOnTheFifthAttempt() {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(Duration.ofMillis(150))
                  .maxTries(5)
                  .wait(Wait.none())
                  .build());

      CompletableFuture<String> result =
          run(
              retrying.supplyAsync(
                  () ->
                      sleepThenReturn(
                          Duration.ofMillis(500 - 100L * calls.get()),
                          "served by attempt " + (calls.get() + 1))));

      assertThat(result).isCompletedWithValue("served by attempt 5");
      // Worker threads move through fake time in 10 ms ticks; allow two ticks of scheduling slack.
      assertThat(clock.elapsed())
          .isBetween(Duration.ofMillis(4 * 150 + 100), Duration.ofMillis(4 * 150 + 100 + 20));
      assertThat(interruptedAt).hasSize(4);
    }

    @Test
    void aWaitThatWouldEndAfterTheDeadlineEndsTheCallAfterTwoBlockingAttempts() throws Exception {
      IOException second = new IOException("down #2");
      Retrying retrying =
          Retrying.of(
              policy()
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.constant(Duration.ofMillis(200)))
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result =
          run(
              retrying.supplyAsync(
                  () -> {
                    if (calls.incrementAndGet() == 1) {
                      throw new IOException("down #1");
                    }
                    throw second;
                  }));

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class, e -> assertThat(e.getCause()).isSameAs(second));
      assertThat(calls).hasValue(2);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aNonRetryableFailureAfterATimedOutBlockingAttemptEndsTheCallAtOnce() throws Exception {
      IllegalArgumentException invalid = new IllegalArgumentException("bad order");
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .maxTries(5)
                  .wait(Wait.none())
                  .abortOn(IllegalArgumentException.class)
                  .build());

      CompletableFuture<String> result =
          run(
              retrying.supplyAsync(
                  () -> {
                    if (calls.get() == 0) {
                      return sleepThenReturn(SECOND, "too late");
                    }
                    calls.incrementAndGet();
                    throw invalid;
                  }));

      assertThat(failureOf(result)).isSameAs(invalid);
      assertThat(calls).hasValue(2);
      // the fake-time driver ticks 10 ms at a time while the worker runs: allow one extra tick
      assertThat(clock.elapsed()).isBetween(MS_100, MS_100.plusMillis(20));
    }
  }
}
