package io.backon.internal;

import io.backon.instrumentation.TraceScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Starts one asynchronous copy: calls the supplier (directly, or on an executor for hedges) and
 * mirrors its stage into a future whose cancellation cancels the supplier's future. Not API.
 */
final class AsyncCopy {

  private AsyncCopy() {}

  /**
   * Starts a copy and returns its future, which never completes before the supplier's stage does
   * (or is cancelled). A throwing supplier, a {@code null} stage or a rejecting executor fail it.
   *
   * @param trace the instrumented attempt whose scope is open while the supplier runs, if any
   * @param executor where to call the supplier, {@code null} for the current thread
   */
  static <T extends @Nullable Object> CompletableFuture<T> start(
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      int attemptNumber,
      @Nullable AttemptTrace trace,
      @Nullable Executor executor) {
    CompletableFuture<T> copy = new CompletableFuture<>();
    Runnable launch = () -> run(supplier, attemptNumber, trace, copy);
    if (executor == null) {
      launch.run();
    } else {
      try {
        executor.execute(launch);
      } catch (RuntimeException rejected) {
        copy.completeExceptionally(rejected);
      }
    }
    return copy;
  }

  private static <T extends @Nullable Object> void run(
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      int attemptNumber,
      @Nullable AttemptTrace trace,
      CompletableFuture<T> copy) {
    if (copy.isDone()) {
      return; // cancelled before it started: never call the supplier
    }
    CompletionStage<T> stage;
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(attemptNumber);
    TraceScope scope = trace == null ? null : trace.open();
    try {
      stage = supplier.get();
      if (stage == null) {
        stage =
            CompletableFuture.failedFuture(
                new NullPointerException(
                    "the async copy returned null instead of a CompletionStage"));
      }
    } catch (VirtualMachineError fatal) {
      copy.completeExceptionally(fatal);
      throw fatal;
    } catch (Throwable failure) {
      stage = CompletableFuture.failedFuture(failure);
    } finally {
      if (scope != null) {
        scope.close();
      }
      context.restore(saved);
    }
    CompletableFuture<?> source = Stages.sourceOf(stage);
    if (source != null) {
      copy.whenComplete(
          (value, failure) -> {
            if (!source.isDone()) {
              source.cancel(true);
            }
          });
    }
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            copy.completeExceptionally(failure);
          } else {
            copy.complete(value);
          }
        });
  }
}
