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
import io.backon.time.Scheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Attempt timeouts and deadlines of the async faces: a timed-out attempt has its future cancelled.
 * {@code callAsync} runs in fake time (exact counts); {@code supplyAsync} with a sleeping target
 * and {@code callAsync} run in real time as well (generous bounds).
 */
class AsyncTimeLimitTest {

  private static final Duration MS_100 = Duration.ofMillis(100);
  private static final Duration MS_500 = Duration.ofMillis(500);
  private static final Duration SECOND = Duration.ofSeconds(1);

  private final AtomicInteger calls = new AtomicInteger();
  private final List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  private RetryPolicyBuilder recording(RetryPolicyBuilder builder) {
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder.jitter(Jitter.none()).backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF);
  }

  private RetryEvent giveUpEvent() {
    return events.stream().filter(e -> e.type() == EventType.GIVE_UP).findFirst().orElseThrow();
  }

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
