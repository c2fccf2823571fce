package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.Invocation;
import io.backon.Retries;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.RetryStatistics;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.testing.TestScope;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The async faces behave like {@code Retrying.call} for the same scenario: same events, statistics,
 * switches, test helpers and attempt context. Each comparison runs the scenario twice, blocking (on
 * a ManualSleeper) and async (on a ManualScheduler), on clocks that start at the same instant.
 */
class AsyncCallbacksTest {

  private static final Duration WAIT = Duration.ofMillis(200);

  private final FakeClock syncClock = new FakeClock();
  private final FakeClock asyncClock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(asyncClock);

  private RetryPolicyBuilder syncPolicy(List<RetryEvent> events) {
    return recording(
        fakeTimePolicy(syncClock, new ManualScheduler(syncClock))
            .sleeper(new ManualSleeper(syncClock)),
        events);
  }

  private RetryPolicyBuilder asyncPolicy(List<RetryEvent> events) {
    return recording(fakeTimePolicy(asyncClock, scheduler), events);
  }

  private static RetryPolicyBuilder recording(RetryPolicyBuilder builder, List<RetryEvent> events) {
    builder.name("quotes").wait(Wait.constant(WAIT));
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  /** Everything an event says, in a comparable form. */
  private static List<String> describe(List<RetryEvent> events) {
    return events.stream()
        .map(
            e ->
                e.type()
                    + "#"
                    + e.attemptNumber()
                    + " policy="
                    + e.policyName()
                    + " target="
                    + e.targetName()
                    + " args="
                    + e.arguments()
                    + " elapsed="
                    + e.elapsed()
                    + " value="
                    + e.value()
                    + " failure="
                    + (e.failure() == null
                        ? null
                        : e.failure().getClass().getSimpleName() + ":" + e.failure().getMessage())
                    + " wait="
                    + e.waitDuration()
                    + " reason="
                    + e.giveUpReason())
        .toList();
  }

  /** A scripted target: each step fails with an IOException or, for "ok", succeeds. */
  private static final class Script {
    private final String[] steps;
    private final AtomicInteger calls = new AtomicInteger();

    Script(String... steps) {
      this.steps = steps;
    }

    private String next() throws IOException {
      String step = steps[Math.min(calls.getAndIncrement(), steps.length - 1)];
      if (!step.equals("ok")) {
        throw new IOException(step);
      }
      return step;
    }

    Callable<String> sync() {
      return this::next;
    }

    Supplier<CompletionStage<String>> async() {
      return () -> {
        try {
          return CompletableFuture.completedFuture(next());
        } catch (IOException failure) {
          return CompletableFuture.failedFuture(failure);
        }
      };
    }
  }

  private void runBoth(RetryPolicyBuilder sync, RetryPolicyBuilder async, String... steps) {
    Invocation invocation = Invocation.of("QuoteClient.fetch", "EURUSD");
    try {
      Retrying.of(sync.build()).call(invocation, new Script(steps).sync());
    } catch (Exception expected) {
      // compared through the events
    }
    CompletableFuture<String> result =
        Retrying.of(async.build()).callAsync(invocation, new Script(steps).async());
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));
    assertThat(result).isDone();
  }

  @Test
  void eventsOfARecoveringCallMatchTheBlockingCall() {
    List<RetryEvent> sync = new CopyOnWriteArrayList<>();
    List<RetryEvent> async = new CopyOnWriteArrayList<>();

    runBoth(syncPolicy(sync), asyncPolicy(async), "503", "504", "ok");

    assertThat(describe(async)).isEqualTo(describe(sync)).hasSize(14);
    assertThat(async)
        .extracting(e -> e.type() + "#" + e.attemptNumber())
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "BEFORE_SLEEP#2",
            "BACKOFF#2",
            "ATTEMPT#3",
            "BEFORE#3",
            "AFTER#3",
            "SUCCESS#3");
  }

  @Test
  void eventsOfAGivenUpCallMatchTheBlockingCall() {
    List<RetryEvent> sync = new CopyOnWriteArrayList<>();
    List<RetryEvent> async = new CopyOnWriteArrayList<>();

    runBoth(syncPolicy(sync).maxTries(2), asyncPolicy(async).maxTries(2), "503");

    assertThat(describe(async)).isEqualTo(describe(sync));
    assertThat(async.get(async.size() - 1).type()).isEqualTo(EventType.GIVE_UP);
  }

  @Test
  void eventsOfATimedOutAttemptMatchTheBlockingCall() {
    List<RetryEvent> sync = new CopyOnWriteArrayList<>();
    List<RetryEvent> async = new CopyOnWriteArrayList<>();
    Duration timeout = Duration.ofMillis(100);
    AtomicInteger syncCalls = new AtomicInteger();
    AtomicInteger asyncCalls = new AtomicInteger();
    Invocation invocation = Invocation.of("QuoteClient.fetch");

    try {
      Retrying.of(syncPolicy(sync).attemptTimeout(timeout).build())
          .call(
              invocation,
              () -> {
                if (syncCalls.incrementAndGet() == 1) {
                  for (int tick = 0;
                      tick < 100 && !Thread.currentThread().isInterrupted();
                      tick++) {
                    syncClock.advance(FakeTime.TICK);
                  }
                }
                return "ok";
              });
    } catch (Exception unexpected) {
      throw new AssertionError(unexpected);
    }
    CompletableFuture<String> result =
        Retrying.of(asyncPolicy(async).attemptTimeout(timeout).build())
            .callAsync(
                invocation,
                () ->
                    asyncCalls.incrementAndGet() == 1
                        ? new CompletableFuture<String>()
                        : CompletableFuture.completedFuture("ok"));
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

    assertThat(result).isCompletedWithValue("ok");
    assertThat(describe(async)).isEqualTo(describe(sync));
    assertThat(async.get(2).failure()).isInstanceOf(AttemptTimeoutException.class);
    assertThat(async.get(2).elapsed()).isEqualTo(timeout);
  }

  @Test
  void eventsOfACallEndedByTheDeadlineMatchTheBlockingCall() {
    List<RetryEvent> sync = new CopyOnWriteArrayList<>();
    List<RetryEvent> async = new CopyOnWriteArrayList<>();
    Invocation invocation = Invocation.of("QuoteClient.fetch");

    try {
      Retrying.of(
              syncPolicy(sync)
                  .attemptTimeout(Duration.ofMillis(100))
                  .deadline(Duration.ofMillis(250))
                  .wait(Wait.none())
                  .maxTries(10)
                  .build())
          .call(
              invocation,
              () -> {
                for (int tick = 0; tick < 100; tick++) {
                  syncClock.advance(FakeTime.TICK);
                  if (Thread.interrupted()) {
                    throw new InterruptedException("timed out");
                  }
                }
                return "too late";
              });
    } catch (Exception expected) {
      assertThat(expected).isInstanceOf(DeadlineExceededException.class);
    }
    CompletableFuture<String> result =
        Retrying.of(
                asyncPolicy(async)
                    .attemptTimeout(Duration.ofMillis(100))
                    .deadline(Duration.ofMillis(250))
                    .wait(Wait.none())
                    .maxTries(10)
                    .build())
            .callAsync(invocation, CompletableFuture::new);
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

    assertThat(failureOf(result)).isInstanceOf(DeadlineExceededException.class);
    assertThat(describe(async)).isEqualTo(describe(sync));
    assertThat(async)
        .extracting(e -> e.type() + "#" + e.attemptNumber())
        .containsExactly(
            "ATTEMPT#1",
            "BEFORE#1",
            "AFTER#1",
            "BEFORE_SLEEP#1",
            "BACKOFF#1",
            "ATTEMPT#2",
            "BEFORE#2",
            "AFTER#2",
            "BEFORE_SLEEP#2",
            "BACKOFF#2",
            "ATTEMPT#3",
            "BEFORE#3",
            "AFTER#3",
            "GIVE_UP#3");
  }

  @Test
  void statisticsMatchTheBlockingCall() throws Exception {
    Retrying sync = Retrying.of(syncPolicy(new CopyOnWriteArrayList<>()).statistics(true).build());
    Retrying async =
        Retrying.of(asyncPolicy(new CopyOnWriteArrayList<>()).statistics(true).build());

    sync.call(new Script("503", "504", "ok").sync());
    CompletableFuture<String> result = async.callAsync(new Script("503", "504", "ok").async());
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

    RetryStatistics statistics = async.statistics();
    assertThat(statistics).isEqualTo(sync.statistics());
    assertThat(statistics.attemptNumber()).isEqualTo(3);
    assertThat(statistics.idleFor()).isEqualTo(WAIT.multipliedBy(2));
    assertThat(statistics.elapsed()).isEqualTo(WAIT.multipliedBy(2));
  }

  @Test
  void statisticsOfAGivenUpCallMatchTheBlockingCall() {
    Retrying sync =
        Retrying.of(syncPolicy(new CopyOnWriteArrayList<>()).statistics(true).maxTries(2).build());
    Retrying async =
        Retrying.of(asyncPolicy(new CopyOnWriteArrayList<>()).statistics(true).maxTries(2).build());

    assertThatThrownBy(() -> sync.call(new Script("503").sync())).isInstanceOf(IOException.class);
    CompletableFuture<String> result = async.callAsync(new Script("503").async());
    FakeTime.advanceUntilDone(scheduler, result, Duration.ofSeconds(5));

    assertThat(failureOf(result)).isInstanceOf(IOException.class);
    assertThat(async.statistics()).isEqualTo(sync.statistics());
    assertThat(async.statistics().attemptNumber()).isEqualTo(2);
  }

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
