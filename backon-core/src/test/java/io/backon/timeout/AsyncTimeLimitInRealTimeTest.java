package io.backon.timeout;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.time.Scheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of {@code supplyAsync} with a sleeping target and of {@code
 * callAsync}, in real time (generous bounds).
 */
class AsyncTimeLimitInRealTimeTest extends AsyncTimeLimitFixture {

  @Nested
  class InRealTime {

    private final ExecutorService pool =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "blocking-attempt");
              thread.setDaemon(true);
              return thread;
            });

    @AfterEach
    void stopPool() {
      pool.shutdownNow();
    }

    private RetryPolicyBuilder policy() {
      return recording(RetryPolicy.builder().scheduler(Scheduler.shared()).executor(pool));
    }

    @Test
    void supplyAsyncTimesOutAttemptsUntilTheDeadlineEndsTheCallAfterFiveAttempts()
        throws Exception {
      List<Boolean> interrupted = new CopyOnWriteArrayList<>();
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());
      long started = System.nanoTime();

      CompletableFuture<String> result =
          retrying.supplyAsync(
              () -> {
                calls.incrementAndGet();
                try {
                  Thread.sleep(1_000);
                } catch (InterruptedException stopped) {
                  interrupted.add(true);
                  throw stopped;
                }
                return "too late";
              });

      // Five 100 ms attempts fit the 500 ms deadline; a loaded machine may start fewer in time.
      Throwable failure = failureOf(result);
      assertThat(failure).isInstanceOf(DeadlineExceededException.class);
      DeadlineExceededException exceeded = (DeadlineExceededException) failure;
      assertThat(exceeded.attempts()).isBetween(2, 5);
      assertThat(exceeded.getCause()).isInstanceOf(AttemptTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
      assertThat(calls).hasValue(exceeded.attempts());
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> interrupted.size() == exceeded.attempts());
    }

    @Test
    void callAsyncTimesOutAttemptsUntilTheDeadlineEndsTheCallAfterFiveAttempts() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());
      long started = System.nanoTime();

      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                calls.incrementAndGet();
                CompletableFuture<String> never = new CompletableFuture<>();
                attempts.add(never);
                return never;
              });

      // Five 100 ms attempts fit the 500 ms deadline; a loaded machine may start fewer in time.
      Throwable failure = failureOf(result);
      assertThat(failure).isInstanceOf(DeadlineExceededException.class);
      DeadlineExceededException exceeded = (DeadlineExceededException) failure;
      assertThat(exceeded.attempts()).isBetween(2, 5);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
      assertThat(calls).hasValue(exceeded.attempts());
      assertThat(attempts).allSatisfy(attempt -> assertThat(attempt).isCancelled());
    }

    @Test
    void supplyAsyncEndsAtOnceWhenTheNextWaitWouldPassTheDeadline() throws Exception {
      IOException first = new IOException("down #1");
      IOException second = new IOException("down #2");
      Retrying retrying =
          Retrying.of(
              policy()
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.constant(Duration.ofMillis(200)))
                  .stop(Stop.never())
                  .build());
      long started = System.nanoTime();

      CompletableFuture<String> result =
          retrying.supplyAsync(
              () -> {
                throw calls.incrementAndGet() == 1 ? first : second;
              });

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class, e -> assertThat(e.getCause()).isSameAs(second));
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(200), Duration.ofSeconds(3));
      assertThat(calls).hasValue(2);
    }

    @Test
    void supplyAsyncSucceedsOnTheFifthAttemptOfATargetGettingFaster() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(Duration.ofMillis(500))
                  .maxTries(5)
                  .wait(Wait.none())
                  .build());

      CompletableFuture<String> result =
          retrying.supplyAsync(
              () -> {
                int attempt = calls.incrementAndGet();
                // attempts 1-4 outlive the 500 ms timeout by far; the 5th ends well within it,
                // even on a loaded machine
                Thread.sleep(attempt < 5 ? 5_000L - 100L * attempt : 10L);
                return "served by attempt " + attempt;
              });

      assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo("served by attempt 5");
      assertThat(calls).hasValue(5);
    }

    @Test
    void supplyAsyncEndsAtOnceOnANonRetryableFailureAfterATimedOutAttempt() throws Exception {
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
          retrying.supplyAsync(
              () -> {
                if (calls.incrementAndGet() == 1) {
                  Thread.sleep(10_000);
                }
                throw invalid;
              });

      assertThat(failureOf(result)).isSameAs(invalid);
      assertThat(calls).hasValue(2);
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }
  }
}
