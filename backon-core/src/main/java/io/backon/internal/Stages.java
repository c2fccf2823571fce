package io.backon.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** Small helpers for the async entries of the layers and loops. Not API. */
final class Stages {

  private Stages() {}

  /** What a layer does when a copy's stage is over. */
  interface Ended<T extends @Nullable Object> {
    /**
     * @param value the value, when the stage completed normally
     * @param failure the unwrapped failure, when it failed (not when cancelled)
     * @param cancelled whether the returned future was cancelled (a lost race, the caller)
     */
    void ended(@Nullable T value, @Nullable Throwable failure, boolean cancelled);
  }

  /**
   * The stage as a future when it already completed normally, else {@code null}. A subclass of
   * {@link CompletableFuture} is asked through {@code toCompletableFuture()}: the JDK's minimal
   * stages ({@code CompletableFuture.completedStage}, {@code minimalCompletionStage()}) are
   * subclasses that refuse {@code isDone()} and {@code join()}, and give a completed copy instead.
   */
  @SuppressWarnings("unchecked")
  static <T extends @Nullable Object> @Nullable CompletableFuture<T> completedNormally(
      CompletionStage<T> stage) {
    if (!(stage instanceof CompletableFuture)) {
      return null;
    }
    CompletableFuture<T> future =
        stage.getClass() == CompletableFuture.class
            ? (CompletableFuture<T>) stage
            : sourceOf(stage);
    return future != null && future.isDone() && !future.isCompletedExceptionally() ? future : null;
  }

  /**
   * A future mirroring {@code stage}: completes as it does, with its failure unwrapped, and its
   * cancellation cancels the stage's own future. {@link #whenDone} without a callback.
   */
  static <T extends @Nullable Object> CompletableFuture<T> mirror(CompletionStage<T> stage) {
    CompletableFuture<T> copy = new CompletableFuture<>();
    CompletableFuture<?> source = sourceOf(stage);
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            copy.completeExceptionally(unwrapNonNull(failure));
          } else {
            copy.complete(value);
          }
        });
    if (source != null) {
      copy.whenComplete(
          (value, failure) -> {
            if (!source.isDone()) {
              source.cancel(true);
            }
          });
    }
    return copy;
  }

  /**
   * A future mirroring {@code stage} whose cancellation cancels the stage's own future, and which
   * tells {@code onEnd} how it ended, once. When the stage ends, {@code onEnd} runs before the
   * returned future completes, so whatever depends on that future (the next attempt's admission)
   * sees its effect (a breaker's verdict); when the returned future ends first (cancelled, or
   * completed by a layer above), {@code onEnd} learns that instead. When {@code onEnd} throws as
   * the stage ends, the returned future fails with that exception (the stage's own failure
   * suppressed), as a blocking layer's attempt would.
   */
  static <T extends @Nullable Object> CompletableFuture<T> whenDone(
      CompletionStage<T> stage, Ended<T> onEnd) {
    CompletableFuture<T> copy = new CompletableFuture<>();
    CompletableFuture<?> source = sourceOf(stage);
    AtomicBoolean told = new AtomicBoolean();
    stage.whenComplete(
        (value, failure) -> {
          if (copy.isDone() || !told.compareAndSet(false, true)) {
            return; // the copy ended first and tells onEnd itself
          }
          Throwable unwrapped = failure != null ? unwrapNonNull(failure) : null;
          Throwable outcome = unwrapped;
          try {
            onEnd.ended(value, unwrapped, false);
          } catch (Throwable thrown) { // e.g. a breaker's recordResult: the stage fails with it
            if (unwrapped != null && unwrapped != thrown) {
              thrown.addSuppressed(unwrapped);
            }
            outcome = thrown;
          }
          if (outcome != null) {
            copy.completeExceptionally(outcome);
          } else {
            copy.complete(value);
          }
        });
    copy.whenComplete(
        (value, failure) -> {
          if (source != null && !source.isDone()) {
            source.cancel(true);
          }
          if (told.compareAndSet(false, true)) {
            boolean cancelled = copy.isCancelled();
            onEnd.ended(
                value, failure == null || cancelled ? null : unwrapNonNull(failure), cancelled);
          }
        });
    return copy;
  }

  /** The stage's own future, to cancel it, or {@code null} when it cannot give one. */
  static <T extends @Nullable Object> @Nullable CompletableFuture<T> sourceOf(
      CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture();
    } catch (UnsupportedOperationException notConvertible) {
      return null;
    }
  }

  /** {@link #unwrap} for a failure known to be present. */
  static Throwable unwrapNonNull(Throwable failure) {
    Throwable unwrapped = unwrap(failure);
    return unwrapped != null ? unwrapped : failure;
  }

  /**
   * The failure the target really produced, without CompletableFuture's wrappers; {@code failure}
   * itself when its wrappers cause each other in a loop.
   */
  static @Nullable Throwable unwrap(@Nullable Throwable failure) {
    Throwable current = failure;
    Throwable behind = failure; // follows at half speed (Floyd): meeting it means a loop
    boolean moveBehind = false;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
      if (moveBehind && behind != null) {
        behind = behind.getCause();
      }
      moveBehind = !moveBehind;
      if (current == behind) {
        return failure;
      }
    }
    return current;
  }
}
