package io.backon.timeout;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.AsyncRetryingCaller;
import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.Invocation;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of {@code callAsync} in fake time: exact counts, a timed-out
 * attempt has its future cancelled.
 */
class CallAsyncTimeLimitTest extends AsyncTimeLimitFixture {

  @Nested
  class CallAsyncInFakeTime {

    private final FakeClock clock = new FakeClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    private RetryPolicyBuilder policy() {
      return recording(
          RetryPolicy.builder()
              .clock(clock)
              .scheduler(scheduler)
              .executor(Runnable::run)
              .sleeper(
                  nanos -> {
                    throw new AssertionError("an async call slept a thread");
                  }));
    }

    /** An attempt whose future completes with {@code value} after {@code latency}. */
    private CompletableFuture<String> taking(Duration latency, String value) {
      calls.incrementAndGet();
      CompletableFuture<String> attempt = new CompletableFuture<>();
      attempts.add(attempt);
      scheduler.schedule(() -> attempt.complete(value), latency.toNanos());
      return attempt;
    }

    private CompletableFuture<String> run(
        Retrying retrying, java.util.function.Supplier<CompletableFuture<String>> target) {
      CompletableFuture<String> result = retrying.callAsync(target);
      FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));
      return result;
    }

    @Test
    void timedOutAttemptsRepeatUntilTheDeadlineEndsTheCallAfterFiveAttempts() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result = run(retrying, () -> taking(SECOND, "too late"));

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(5);
                assertThat(e.deadline()).isEqualTo(MS_500);
                assertThat(e.getCause())
                    .isInstanceOfSatisfying(
                        AttemptTimeoutException.class,
                        timeout -> assertThat(timeout.attemptNumber()).isEqualTo(4));
              });
      assertThat(calls).hasValue(5);
      assertThat(clock.elapsed()).isEqualTo(MS_500);
      assertThat(attempts)
          .as("every attempt's future was cancelled")
          .allSatisfy(attempt -> assertThat(attempt).isCancelled());
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    }

    @Test
    void aWaitThatWouldEndAfterTheDeadlineEndsTheCallAfterTwoAttempts() throws Exception {
      IOException first = new IOException("down #1");
      IOException second = new IOException("down #2");
      Retrying retrying =
          Retrying.of(
              policy()
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.constant(Duration.ofMillis(200)))
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result =
          retrying.callAsync(
              () -> CompletableFuture.failedFuture(calls.incrementAndGet() == 1 ? first : second));
      assertThat(calls).hasValue(1);
      scheduler.advance(Duration.ofMillis(200));

      assertThat(result).as("ends at once, without waiting for the deadline").isDone();
      assertThat(calls).hasValue(2);
      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> {
                assertThat(e.getCause()).isSameAs(second);
                assertThat(e.attempts()).isEqualTo(2);
              });
      assertThat(scheduler.pendingTasks()).as("the deadline timer is called off").isZero();
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.DEADLINE_EXCEEDED);
    }

    @Test
    void aTargetGettingFasterSucceedsOnTheFifthAttemptUnderTheAttemptTimeout() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(Duration.ofMillis(150))
                  .maxTries(5)
                  .wait(Wait.none())
                  .build());

      CompletableFuture<String> result =
          run(
              retrying,
              () ->
                  taking(
                      Duration.ofMillis(500 - 100L * calls.get()),
                      "served by attempt " + (calls.get() + 1)));

      assertThat(result).isCompletedWithValue("served by attempt 5");
      assertThat(calls).hasValue(5);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(4 * 150 + 100));
      assertThat(attempts.subList(0, 4)).allSatisfy(attempt -> assertThat(attempt).isCancelled());
      assertThat(events)
          .filteredOn(e -> e.type() == EventType.AFTER)
          .extracting(RetryEvent::failure)
          .hasSize(5)
          .first()
          .isInstanceOf(AttemptTimeoutException.class);
    }

    @Test
    void aNonRetryableFailureAfterATimedOutAttemptEndsTheCallAtOnce() throws Exception {
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
              retrying,
              () -> {
                if (calls.get() == 0) {
                  return taking(SECOND, "too late");
                }
                calls.incrementAndGet();
                return CompletableFuture.failedFuture(invalid);
              });

      assertThat(failureOf(result)).isSameAs(invalid);
      assertThat(calls).hasValue(2);
      assertThat(clock.elapsed()).isEqualTo(MS_100);
      assertThat(giveUpEvent().giveUpReason()).isEqualTo(GiveUpReason.NOT_RETRYABLE);
    }

    @Test
    void theEffectiveAttemptTimeoutIsTheTimeLeftBeforeTheDeadline() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result = run(retrying, () -> taking(SECOND, "too late"));

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class, e -> assertThat(e.attempts()).isEqualTo(3));
      assertThat(calls).hasValue(3);
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(250));
      assertThat(attempts).allSatisfy(attempt -> assertThat(attempt).isCancelled());
    }

    @Test
    void aDeadlineShorterThanTheAttemptTimeoutCutsTheFirstAttempt() throws Exception {
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(SECOND).deadline(Duration.ofMillis(250)).build());

      CompletableFuture<String> result = run(retrying, () -> taking(Duration.ofSeconds(5), "late"));

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e).as("no attempt failed before the deadline").hasNoCause();
              });
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(250));
      assertThat(attempts).singleElement().satisfies(attempt -> assertThat(attempt).isCancelled());
    }

    @Test
    void aLateResultOfATimedOutAttemptIsDiscarded() throws Exception {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());
      CompletableFuture<String> slow = new CompletableFuture<>();

      CompletableFuture<String> result =
          retrying.callAsync(Invocation.of("Inventory.reserve", "sku-1"), () -> slow);
      scheduler.advance(MS_100);
      slow.complete("late");

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              AttemptTimeoutException.class,
              e -> {
                assertThat(e).hasMessage("Attempt 1 of Inventory.reserve timed out after 100ms");
                assertThat(e.attemptNumber()).isEqualTo(1);
                assertThat(e.timeout()).isEqualTo(MS_100);
              });
      assertThat(slow).as("the timed-out attempt's future was cancelled").isCancelled();
    }

    @Test
    void aTimedOutAttemptCountsAsAFailureAndIsRetried() {
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(MS_100).maxTries(3).wait(Wait.none()).build());

      CompletableFuture<String> result =
          run(
              retrying,
              () ->
                  calls.get() == 0
                      ? taking(Duration.ofMillis(300), "late")
                      : taking(Duration.ofMillis(10), "fresh"));

      assertThat(result).isCompletedWithValue("fresh");
      assertThat(calls).hasValue(2);
      RetryEvent firstAfter =
          events.stream()
              .filter(e -> e.type() == EventType.AFTER && e.attemptNumber() == 1)
              .findFirst()
              .orElseThrow();
      assertThat(firstAfter.value()).isNull();
      assertThat(firstAfter.failure()).isInstanceOf(AttemptTimeoutException.class);
      assertThat(firstAfter.elapsed()).isEqualTo(MS_100);
    }

    @Test
    void attemptTimeoutsStayRetryableForTheFluentCaller() {
      AsyncRetryingCaller caller =
          AsyncRetryingCaller.of(policy().attemptTimeout(MS_100).wait(Wait.none()).build())
              .on(IOException.class);

      CompletableFuture<String> result =
          caller.call(
              () -> calls.get() == 0 ? taking(SECOND, "late") : taking(Duration.ZERO, "ok"));
      FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

      assertThat(result).isCompletedWithValue("ok");
      assertThat(calls).hasValue(2);
    }

    @Test
    void aStageReturnedAfterItsAttemptTimedOutIsCancelledAndTheAttemptRetried() {
      Retrying retrying =
          Retrying.of(policy().attemptTimeout(MS_100).maxTries(3).wait(Wait.none()).build());

      CompletableFuture<String> result =
          run(
              retrying,
              () -> {
                if (calls.get() == 0) {
                  // the supplier itself blocks past the attempt timeout before handing out its
                  // stage
                  FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(300));
                  return taking(SECOND, "late");
                }
                return taking(Duration.ofMillis(10), "fresh");
              });

      assertThat(result).isCompletedWithValue("fresh");
      assertThat(calls).hasValue(2);
      assertThat(attempts.get(0)).isCancelled();
    }

    @Test
    void aSupplierBlockingPastTheDeadlineStillCountsItsAttempt() throws Exception {
      Retrying retrying =
          Retrying.of(
              policy()
                  .attemptTimeout(MS_100)
                  .deadline(MS_500)
                  .wait(Wait.none())
                  .stop(Stop.never())
                  .build());

      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                // the supplier blocks past both the attempt timeout and the deadline
                FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(600));
                return taking(SECOND, "late");
              });
      FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(10));

      assertThat(calls).hasValue(1);
      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              DeadlineExceededException.class,
              e -> {
                assertThat(e.attempts()).as("attempts reported by %s", e).isEqualTo(1);
                assertThat(giveUpEvent().attemptNumber())
                    .as("attempt number of the GIVE_UP event")
                    .isEqualTo(1);
              });
      assertThat(attempts).singleElement().satisfies(attempt -> assertThat(attempt).isCancelled());
    }

    @Test
    void timeTheSupplierBlocksBeforeReturningItsStageCountsTowardsTheAttemptTimeout()
        throws Exception {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());

      CompletableFuture<String> result =
          retrying.callAsync(
              () -> {
                // 60 ms of blocking work (say, taking a pooled connection) before the request goes
                // out
                FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(60));
                return taking(Duration.ofMillis(60), "answered after 120 ms");
              });
      FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(1));

      assertThat(failureOf(result)).isInstanceOf(AttemptTimeoutException.class);
      assertThat(clock.elapsed()).isEqualTo(MS_100);
      assertThat(attempts).singleElement().satisfies(attempt -> assertThat(attempt).isCancelled());
    }

    @Test
    void aBlockingAttemptRunInlineByADirectExecutorHasItsLateResultDiscarded() throws Exception {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).maxTries(1).build());

      CompletableFuture<String> result =
          retrying.supplyAsync(
              () -> {
                calls.incrementAndGet();
                FakeTime.spinIgnoringInterrupts(clock, Duration.ofMillis(300));
                return "late";
              });

      assertThat(failureOf(result))
          .isInstanceOfSatisfying(
              AttemptTimeoutException.class, e -> assertThat(e.timeout()).isEqualTo(MS_100));
      assertThat(calls).hasValue(1);
    }

    @Test
    void anAttemptFinishingInTimeLeavesNoTimerBehind() {
      Retrying retrying = Retrying.of(policy().attemptTimeout(MS_100).deadline(SECOND).build());

      CompletableFuture<String> result = run(retrying, () -> taking(Duration.ofMillis(90), "ok"));

      assertThat(result).isCompletedWithValue("ok");
      assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(90));
      assertThat(scheduler.pendingTasks()).isZero();
    }
  }
}
