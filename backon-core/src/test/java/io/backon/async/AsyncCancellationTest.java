package io.backon.async;

import static io.backon.testfixtures.Async.fakeTimePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.stop.Stop;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Cancelling the returned future stops the call: nothing in flight, nothing scheduled, and a cancel
 * from another thread never waits for a listener of the call to return.
 */
class AsyncCancellationTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final AtomicInteger calls = new AtomicInteger();
  private final List<CompletableFuture<String>> attempts = new CopyOnWriteArrayList<>();
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  private RetryPolicyBuilder policy() {
    RetryPolicyBuilder builder = fakeTimePolicy(clock, scheduler).stop(Stop.never());
    for (EventType type : EventType.values()) {
      builder.listen(type, events::add);
    }
    return builder;
  }

  private CompletableFuture<String> pendingAttempt() {
    calls.incrementAndGet();
    CompletableFuture<String> attempt = new CompletableFuture<>();
    attempts.add(attempt);
    return attempt;
  }

  @Test
  void cancellingCancelsTheInFlightAttemptAndEveryTimer() {
    Retrying retrying =
        Retrying.of(
            policy()
                .attemptTimeout(Duration.ofSeconds(1))
                .deadline(Duration.ofSeconds(30))
                .wait(Wait.constant(Duration.ofSeconds(1)))
                .build());
    CompletableFuture<String> result = retrying.callAsync(this::pendingAttempt);
    assertThat(scheduler.pendingTasks()).as("attempt timeout and deadline").isEqualTo(2);

    assertThat(result.cancel(true)).isTrue();

    assertThat(result).isCancelled();
    assertThat(attempts).singleElement().satisfies(attempt -> assertThat(attempt).isCancelled());
    assertThat(scheduler.pendingTasks()).isZero();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(calls).hasValue(1);
  }

  @Test
  void cancellingDuringABackOffCancelsThePendingWait() {
    Retrying retrying = Retrying.of(policy().wait(Wait.constant(Duration.ofSeconds(1))).build());
    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              return CompletableFuture.failedFuture(new IOException("down"));
            });
    assertThat(scheduler.pendingTasks()).as("the back-off wait").isEqualTo(1);

    result.cancel(true);

    assertThat(scheduler.pendingTasks()).isZero();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(calls).hasValue(1);
    assertThat(result).isCancelled();
  }

  @Test
  void cancellingAfterSomeRetriesStopsAtTheAttemptInFlight() {
    Retrying retrying =
        Retrying.of(
            policy()
                .attemptTimeout(Duration.ofMillis(100))
                .wait(Wait.constant(Duration.ofMillis(50)))
                .build());
    CompletableFuture<String> result = retrying.callAsync(this::pendingAttempt);
    scheduler.advance(Duration.ofMillis(100));
    scheduler.advance(Duration.ofMillis(50));
    scheduler.advance(Duration.ofMillis(100));
    scheduler.advance(Duration.ofMillis(50));
    assertThat(calls).hasValue(3);

    result.cancel(true);

    assertThat(attempts).allSatisfy(attempt -> assertThat(attempt).isCancelled());
    assertThat(scheduler.pendingTasks()).isZero();
    int eventsAtCancel = events.size();
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(calls).hasValue(3);
    assertThat(events).as("no hook fires after the cancel").hasSize(eventsAtCancel);
    assertThat(events).extracting(RetryEvent::type).doesNotContain(EventType.GIVE_UP);
  }

  @Test
  void aLateCompletionOfACancelledAttemptIsIgnored() {
    Retrying retrying = Retrying.of(policy().wait(Wait.none()).build());
    CompletableFuture<String> result = retrying.callAsync(this::pendingAttempt);

    result.cancel(true);
    attempts.get(0).complete("late");

    assertThat(result).isCancelled();
    assertThat(calls).hasValue(1);
  }

  @Test
  void cancellingACompletedCallChangesNothing() {
    Retrying retrying = Retrying.of(policy().wait(Wait.none()).build());
    CompletableFuture<String> result =
        retrying.callAsync(
            () -> {
              calls.incrementAndGet();
              return CompletableFuture.completedFuture("done");
            });

    assertThat(result.cancel(true)).isFalse();

    assertThat(result).isCompletedWithValue("done");
    assertThat(events).extracting(RetryEvent::type).last().isEqualTo(EventType.SUCCESS);
  }

  @Test
  void cancellingTheCallLeavesNoScheduledWakeUpBehind() {
    AtomicInteger tries = new AtomicInteger();
    CompletableFuture<String> third = new CompletableFuture<>();
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(5)
            // wait 0 after attempt 1, 10 s after attempt 2
            .wait(Wait.constant(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10)))
            .jitter(Jitter.none())
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    CompletableFuture<String> call =
        Retrying.of(policy)
            .callAsync(
                () -> {
                  int n = tries.incrementAndGet();
                  return n < 3
                      ? CompletableFuture.failedFuture(new IOException("attempt " + n))
                      : third;
                });
    // attempt 1 failed -> 0 s wait; attempt 2 failed -> 10 s wait pending
    assertThat(tries).hasValue(2);
    assertThat(scheduler.pendingTasks()).isEqualTo(1);

    call.cancel(true);

    // DESIGN §3: cancelling an async call "schedules nothing more"; observed: the 10 s wake-up
    // stays scheduled because settle(1) overwrote pendingWait with its own (already run) task
    // after the inline attempt 2 had stored the real one.
    assertThat(scheduler.pendingTasks()).as("scheduled tasks after cancel").isZero();
  }

  @Test
  void aListenerThatHandsWorkToAnotherThreadTouchingTheCallDoesNotStallIt() throws Exception {
    AtomicReference<CompletableFuture<String>> call = new AtomicReference<>();
    AtomicBoolean otherThreadFinished = new AtomicBoolean();
    CompletableFuture<String> firstAttempt = new CompletableFuture<>();
    RetryPolicy policy =
        RetryPolicy.builder()
            .wait(Wait.constant(Duration.ofSeconds(1)))
            .jitter(Jitter.none())
            .onBackoff(
                event -> {
                  // e.g. a listener that asks a worker thread to cancel the call and waits for it
                  Thread worker = new Thread(() -> call.get().cancel(true), "review-canceller");
                  worker.start();
                  try {
                    worker.join(2_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  otherThreadFinished.set(!worker.isAlive());
                })
            .clock(clock)
            .scheduler(scheduler)
            .executor(Runnable::run)
            .backoffLogLevel(Level.OFF)
            .giveUpLogLevel(Level.OFF)
            .build();

    call.set(Retrying.of(policy).callAsync(() -> firstAttempt));
    firstAttempt.completeExceptionally(new IOException("boom"));

    // observed: the worker blocks on AsyncCall's monitor (held while listeners run) -> 2 s stall;
    // with an unbounded join this is a deadlock.
    assertThat(otherThreadFinished)
        .as("cancel() from another thread while a listener runs")
        .isTrue();
  }
}
