package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The attempt-timeout layer, innermost around the target: a copy that runs longer than the timeout
 * fails with {@link AttemptTimeoutException} (its own failure, if any, suppressed). The blocking
 * entry keeps the target on the calling thread and interrupts it ({@link AttemptGuard}: the
 * interrupt never leaks out of the attempt); the async entry cancels the copy's future, and arms no
 * timer for a stage that is already complete. Thread-safe. Not API.
 */
final class TimeoutLayer extends Layer {

  private final long timeoutNanos;

  TimeoutLayer(long timeoutNanos, @Nullable Layer inner) {
    super(inner);
    this.timeoutNanos = timeoutNanos;
  }

  @Override
  String name() {
    return "timeout(" + Duration.ofNanos(timeoutNanos) + ")";
  }

  /** The timeout in nanoseconds. */
  long nanos() {
    return timeoutNanos;
  }

  /** The failure of attempt {@code run} that ran out of time. */
  AttemptTimeoutException timedOut(String targetName, int attempt) {
    return new AttemptTimeoutException(targetName, attempt, Duration.ofNanos(timeoutNanos));
  }

  @Override
  <T extends @Nullable Object> T blocking(AttemptRun run, Callable<T> target) throws Exception {
    AttemptGuard guard = AttemptGuard.start(run.scheduler(), timeoutNanos);
    T value = null;
    Throwable failure = null;
    try {
      value = next(run, target);
    } catch (VirtualMachineError fatal) {
      guard.finish();
      throw fatal;
    } catch (Throwable thrown) {
      failure = thrown;
    }
    if (guard.finish()) {
      AttemptTimeoutException timedOut = timedOut(run.targetName(), run.number());
      if (failure != null) {
        timedOut.addSuppressed(failure);
      }
      throw timedOut;
    }
    if (failure != null) {
      throw Exceptions.propagate(failure);
    }
    return Nulls.cast(value);
  }

  @Override
  <T extends @Nullable Object> CompletionStage<T> async(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target) {
    Clock clock = run.clock();
    long start = clock.nanoTime();
    CompletionStage<T> stage = nextAsync(run, target);
    long left = timeoutNanos - (clock.nanoTime() - start);
    if (left <= 0L) {
      CompletableFuture<?> source = Stages.sourceOf(stage);
      if (source != null && !source.isDone()) {
        source.cancel(true);
      }
      return CompletableFuture.failedFuture(timedOut(run.targetName(), run.number()));
    }
    if (Stages.completedNormally(stage) != null) {
      return stage;
    }
    CompletableFuture<T> copy = new CompletableFuture<>();
    CompletableFuture<?> source = Stages.sourceOf(stage);
    AtomicReference<@Nullable AttemptTimeoutException> timedOut = new AtomicReference<>();
    // The copy's future is cancelled before the attempt fails, so that whoever sees the failure
    // (the retry loop, then the caller) never sees the abandoned copy still running.
    Cancellable timer;
    try {
      timer =
          run.scheduler()
              .schedule(
                  () -> {
                    AttemptTimeoutException failure = timedOut(run.targetName(), run.number());
                    if (timedOut.compareAndSet(null, failure)) {
                      if (source != null && !source.isDone()) {
                        source.cancel(true);
                      }
                      copy.completeExceptionally(failure);
                    }
                  },
                  left);
    } catch (RuntimeException rejected) { // e.g. a shut-down ScheduledExecutorService
      if (source != null && !source.isDone()) {
        source.cancel(true); // an attempt nothing can time out is not left running
      }
      return CompletableFuture.failedFuture(rejected);
    }
    copy.whenComplete(
        (value, failure) -> {
          timer.cancel();
          if (source != null && !source.isDone()) {
            source.cancel(true); // the attempt was cancelled from outside
          }
        });
    stage.whenComplete(
        (value, failure) -> {
          AttemptTimeoutException timeout = timedOut.get();
          if (timeout != null) {
            copy.completeExceptionally(timeout); // the cancellation the timeout caused
          } else if (failure != null) {
            copy.completeExceptionally(Stages.unwrapNonNull(failure));
          } else {
            copy.complete(value);
          }
        });
    return copy;
  }
}
