package io.backon.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One layer of an attempt, written once with a blocking and a non-blocking entry: {@link
 * HedgeLayer}, {@link BreakerLayer}, {@link TimeoutLayer}. Each wraps the next one ({@code inner})
 * or, when it is the innermost, the target itself. A {@link Pipeline} chains the layers a policy
 * has, once, when the policy is built. Immutable and thread-safe. Not API.
 */
abstract class Layer {

  private final @Nullable Layer inner;

  Layer(@Nullable Layer inner) {
    this.inner = inner;
  }

  /** Runs {@code target} through this layer and the inner ones, blocking the calling thread. */
  abstract <T extends @Nullable Object> T blocking(AttemptRun run, Callable<T> target)
      throws Exception;

  /** Starts {@code target} through this layer and the inner ones; never throws. */
  abstract <T extends @Nullable Object> CompletionStage<T> async(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target);

  /** A short name of this layer for {@link Pipeline#toString()}. */
  abstract String name();

  /** The next layer inward, blocking; the target itself when this layer is the innermost. */
  final <T extends @Nullable Object> T next(AttemptRun run, Callable<T> target) throws Exception {
    Layer next = inner;
    return next == null ? target.call() : next.blocking(run, target);
  }

  /** The next layer inward, non-blocking; the target itself when this layer is the innermost. */
  final <T extends @Nullable Object> CompletionStage<T> nextAsync(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target) {
    Layer next = inner;
    return next == null ? invoke(target, run.number()) : next.async(run, target);
  }

  /** This layer and the inner ones, outermost first, e.g. {@code hedge → breaker → timeout}. */
  final String describe() {
    Layer next = inner;
    return next == null ? name() + " → target" : name() + " → " + next.describe();
  }

  /**
   * Calls an async target inside attempt {@code number}'s context; a throwing supplier or a null
   * stage becomes a failed stage.
   */
  static <T extends @Nullable Object> CompletionStage<T> invoke(
      Supplier<? extends @Nullable CompletionStage<T>> target, int number) {
    AttemptContext context = AttemptContext.current();
    int saved = context.enter(number);
    try {
      CompletionStage<T> stage = target.get();
      return stage != null
          ? stage
          : CompletableFuture.failedFuture(
              new NullPointerException(
                  "the async target returned null instead of a CompletionStage"));
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    } finally {
      context.restore(saved);
    }
  }
}
