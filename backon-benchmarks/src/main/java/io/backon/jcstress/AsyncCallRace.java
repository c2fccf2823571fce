package io.backon.jcstress;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The shared fixture of the async-call jcstress tests: one {@code Retrying.callAsync} call (up to 5
 * attempts, a constant 10 ms wait, a 1 s deadline, a {@link FakeClock} that never moves, a direct
 * executor) whose timers are {@link CapturedTasks}, so that the actors fire them. Attempt 1 fails
 * at once, so when the constructor returns the call is in its back-off: the deadline timer (task 0)
 * and the back-off wake-up (task 1) are pending. Attempt 2, if the wake-up starts it, returns a
 * future that nobody completes, so it ends only if the call cancels it.
 */
final class AsyncCallRace {

  private static final int DEADLINE_TIMER = 0;
  private static final int WAKE_UP = 1;

  private final CapturedTasks tasks = new CapturedTasks(4);
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicReference<@Nullable CompletableFuture<String>> second =
      new AtomicReference<>();
  private final CompletableFuture<String> result;
  private volatile boolean cancelAsked;
  private volatile boolean cancelReturned;

  AsyncCallRace() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTries(5)
            .wait(Wait.constant(Duration.ofMillis(10)))
            .jitter(Jitter.none())
            .deadline(Duration.ofSeconds(1))
            .clock(new FakeClock())
            .scheduler(tasks)
            .executor(Runnable::run)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build();
    result = Retrying.of(policy).callAsync(this::attempt);
    if (tasks.scheduled() != 2) {
      throw new IllegalStateException(
          "expected the deadline timer and one wake-up, got " + tasks.scheduled() + " tasks");
    }
  }

  private CompletableFuture<String> attempt() {
    if (attempts.incrementAndGet() == 1) {
      return CompletableFuture.failedFuture(new IllegalStateException("attempt 1 failed"));
    }
    CompletableFuture<String> running = new CompletableFuture<>();
    second.set(running);
    return running;
  }

  /** Fires the back-off wake-up (which starts attempt 2 unless the call has ended). */
  void wakeUp() {
    tasks.run(WAKE_UP);
  }

  /** Fires the deadline timer. */
  void deadlinePasses() {
    tasks.run(DEADLINE_TIMER);
  }

  /** The caller cancels the call's future. */
  void cancel() {
    cancelReturned = result.cancel(true);
    cancelAsked = true;
  }

  /**
   * The call's result ({@link FutureOutcome}), with {@code "/too-late"} when the caller's cancel
   * returned false (the call had already ended).
   */
  String result() {
    return FutureOutcome.of(result) + (cancelAsked && !cancelReturned ? "/too-late" : "");
  }

  /** How many attempts started. */
  int attempts() {
    return attempts.get();
  }

  /** Attempt 2's future: {@code "none"} (never started), "cancelled", or "pending" (leaked). */
  String secondAttempt() {
    CompletableFuture<String> running = second.get();
    return running == null ? "none" : FutureOutcome.of(running);
  }

  /** Whether the deadline timer was called off (it must be, once the call ended otherwise). */
  boolean deadlineTimerCancelled() {
    return tasks.cancelled(DEADLINE_TIMER);
  }
}
