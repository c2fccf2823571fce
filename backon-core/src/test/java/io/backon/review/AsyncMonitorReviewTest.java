package io.backon.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.EventType;
import io.backon.GiveUpReason;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** AsyncCall: its monitor, its pending waits, and what happens when the executor refuses work. */
class AsyncMonitorReviewTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @Test
  void aListenerThatHandsWorkToAnotherThreadTouchingTheCallDoesNotStallIt() throws Exception {
    AtomicReference<CompletableFuture<String>> call = new AtomicReference<>();
    AtomicBoolean otherThreadFinished = new AtomicBoolean();
    CompletableFuture<String> firstAttempt = new CompletableFuture<>();
    RetryPolicy policy = RetryPolicy.builder()
        .wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none())
        .onBackoff(event -> {
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
        .clock(clock).scheduler(scheduler).executor(Runnable::run)
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF).build();

    call.set(Retrying.of(policy).callAsync(() -> firstAttempt));
    firstAttempt.completeExceptionally(new IOException("boom"));

    // observed: the worker blocks on AsyncCall's monitor (held while listeners run) -> 2 s stall;
    // with an unbounded join this is a deadlock.
    assertThat(otherThreadFinished).as("cancel() from another thread while a listener runs").isTrue();
  }

  @Test
  void cancellingTheCallLeavesNoScheduledWakeUpBehind() {
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> third = new CompletableFuture<>();
    RetryPolicy policy = RetryPolicy.builder()
        .maxTries(5)
        // wait 0 after attempt 1, 10 s after attempt 2
        .wait(Wait.constant(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .jitter(Jitter.none())
        .clock(clock).scheduler(scheduler).executor(Runnable::run)
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF).build();

    CompletableFuture<String> call = Retrying.of(policy).callAsync(() -> {
      int n = attempts.incrementAndGet();
      return n < 3 ? CompletableFuture.failedFuture(new IOException("attempt " + n)) : third;
    });
    // attempt 1 failed -> 0 s wait; attempt 2 failed -> 10 s wait pending
    assertThat(attempts).hasValue(2);
    assertThat(scheduler.pendingTasks()).isEqualTo(1);

    call.cancel(true);

    // DESIGN §3: cancelling an async call "schedules nothing more"; observed: the 10 s wake-up
    // stays scheduled because settle(1) overwrote pendingWait with its own (already run) task
    // after the inline attempt 2 had stored the real one.
    assertThat(scheduler.pendingTasks()).as("scheduled tasks after cancel").isZero();
  }

  @Test
  void zeroWaitRetriesDoNotRecurseWhileHoldingTheMonitor() {
    int failures = 20_000;
    AtomicInteger attempts = new AtomicInteger();
    RetryPolicy policy = RetryPolicy.builder()
        .stop(Stop.never()).wait(Wait.none()).jitter(Jitter.none())
        .clock(clock).scheduler(scheduler).executor(Runnable::run)
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF).build();

    CompletableFuture<String> call = Retrying.of(policy).callAsync(() ->
        attempts.incrementAndGet() <= failures
            ? CompletableFuture.failedFuture(new IOException("flaky"))
            : CompletableFuture.completedFuture("ok"));

    // observed: every retry runs inside the previous settle() (scheduler runs 0-delay tasks inline,
    // executor is direct), so the stack grows per attempt and the call dies of StackOverflowError
    // everything runs inline (direct executor, manual scheduler, completed stages): no waiting
    assertThat(call).as("after %s attempts", attempts).isCompleted();
    assertThat(call.join()).isEqualTo("ok");
    assertThat(attempts).hasValue(failures + 1);
  }

  @Test
  void anExecutorRejectingTheNextAttemptEndsTheCallLikeAnyGiveUp() {
    List<RetryEvent> giveUps = new CopyOnWriteArrayList<>();
    IOException last = new IOException("attempt 1 failed");
    RetryPolicy policy = RetryPolicy.builder()
        .wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none())
        .onGiveUp(giveUps::add)
        .clock(clock).scheduler(scheduler)
        .executor(task -> {
          throw new RejectedExecutionException("executor shut down");
        })
        .backoffLogLevel(Level.OFF).giveUpLogLevel(Level.OFF).build();

    CompletableFuture<String> call =
        Retrying.of(policy).callAsync(() -> CompletableFuture.failedFuture(last));
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(call).isCompletedExceptionally();
    // observed: onGiveUp never fires and the future fails with the RejectedExecutionException; the
    // target's last failure (DESIGN §3 "the caller sees the last failure") is lost.
    assertThat(giveUps).as("onGiveUp events").hasSize(1);
    assertThat(call).failsWithin(0, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
        .havingRootCause().isSameAs(last);
  }
}
