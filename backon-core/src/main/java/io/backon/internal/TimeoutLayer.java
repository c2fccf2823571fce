package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The attempt-timeout layer, innermost around the target: a copy that runs longer than the
 * timeout fails with {@link AttemptTimeoutException} (its own failure, if any, suppressed). The
 * blocking entry keeps the target on the calling thread and interrupts it ({@link AttemptGuard}:
 * the interrupt never leaks out of the attempt); the async entry cancels the copy's future, and
 * arms no timer for a stage that is already complete. Thread-safe. Not API.
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
  <T extends @Nullable Object> CompletionStage<T> async(AttemptRun run,
      Supplier<? extends @Nullable CompletionStage<T>> target) {
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
    Cancellable timer = run.scheduler().schedule(
        () -> copy.completeExceptionally(timedOut(run.targetName(), run.number())), left);
    copy.whenComplete((value, failure) -> timer.cancel());
    CompletableFuture<?> source = Stages.sourceOf(stage);
    copy.whenComplete((value, failure) -> {
      if (source != null && !source.isDone()) {
        source.cancel(true);
      }
    });
    stage.whenComplete((value, failure) -> {
      if (failure != null) {
        copy.completeExceptionally(Stages.unwrapNonNull(failure));
      } else {
        copy.complete(value);
      }
    });
    return copy;
  }
}
