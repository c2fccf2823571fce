package io.backon.async;

import static io.backon.testfixtures.Async.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.EventType;
import io.backon.Invocation;
import io.backon.RetryEvent;
import io.backon.RetryStatistics;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The events and statistics of an async call match those of the blocking call for the same
 * scenario.
 */
class AsyncEventsMatchBlockingTest extends AsyncLikeBlockingFixture {

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
}
