package io.backon.testfixtures;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CompletionStage} that is not a {@link CompletableFuture} and, as the JDK contract
 * allows, refuses {@link #toCompletableFuture()}: what a foreign future library may hand back.
 * Every dependent stage is foreign too.
 */
public final class ForeignStage<T extends @Nullable Object> implements CompletionStage<T> {

  private final CompletableFuture<T> inner;

  private ForeignStage(CompletableFuture<T> inner) {
    this.inner = inner;
  }

  /** A foreign view of {@code source}: it completes when {@code source} does. */
  public static <T extends @Nullable Object> ForeignStage<T> of(CompletableFuture<T> source) {
    return new ForeignStage<>(source);
  }

  /** A foreign stage already completed with {@code value}. */
  public static <T extends @Nullable Object> ForeignStage<T> completed(T value) {
    return new ForeignStage<>(CompletableFuture.completedFuture(value));
  }

  /** A foreign stage already failed with {@code failure}. */
  public static <T extends @Nullable Object> ForeignStage<T> failed(Throwable failure) {
    return new ForeignStage<>(CompletableFuture.failedFuture(failure));
  }

  private static <U extends @Nullable Object> ForeignStage<U> wrap(CompletionStage<U> stage) {
    return new ForeignStage<>(stage.toCompletableFuture());
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    throw new UnsupportedOperationException("a foreign stage cannot be converted");
  }

  @Override
  public <U> CompletionStage<U> thenApply(Function<? super T, ? extends U> fn) {
    return wrap(inner.thenApply(fn));
  }

  @Override
  public <U> CompletionStage<U> thenApplyAsync(Function<? super T, ? extends U> fn) {
    return wrap(inner.thenApplyAsync(fn));
  }

  @Override
  public <U> CompletionStage<U> thenApplyAsync(
      Function<? super T, ? extends U> fn, Executor executor) {
    return wrap(inner.thenApplyAsync(fn, executor));
  }

  @Override
  public CompletionStage<Void> thenAccept(Consumer<? super T> action) {
    return wrap(inner.thenAccept(action));
  }

  @Override
  public CompletionStage<Void> thenAcceptAsync(Consumer<? super T> action) {
    return wrap(inner.thenAcceptAsync(action));
  }

  @Override
  public CompletionStage<Void> thenAcceptAsync(Consumer<? super T> action, Executor executor) {
    return wrap(inner.thenAcceptAsync(action, executor));
  }

  @Override
  public CompletionStage<Void> thenRun(Runnable action) {
    return wrap(inner.thenRun(action));
  }

  @Override
  public CompletionStage<Void> thenRunAsync(Runnable action) {
    return wrap(inner.thenRunAsync(action));
  }

  @Override
  public CompletionStage<Void> thenRunAsync(Runnable action, Executor executor) {
    return wrap(inner.thenRunAsync(action, executor));
  }

  @Override
  public <U, V> CompletionStage<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return wrap(inner.thenCombine(other, fn));
  }

  @Override
  public <U, V> CompletionStage<V> thenCombineAsync(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return wrap(inner.thenCombineAsync(other, fn));
  }

  @Override
  public <U, V> CompletionStage<V> thenCombineAsync(
      CompletionStage<? extends U> other,
      BiFunction<? super T, ? super U, ? extends V> fn,
      Executor executor) {
    return wrap(inner.thenCombineAsync(other, fn, executor));
  }

  @Override
  public <U> CompletionStage<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return wrap(inner.thenAcceptBoth(other, action));
  }

  @Override
  public <U> CompletionStage<Void> thenAcceptBothAsync(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return wrap(inner.thenAcceptBothAsync(other, action));
  }

  @Override
  public <U> CompletionStage<Void> thenAcceptBothAsync(
      CompletionStage<? extends U> other,
      BiConsumer<? super T, ? super U> action,
      Executor executor) {
    return wrap(inner.thenAcceptBothAsync(other, action, executor));
  }

  @Override
  public CompletionStage<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return wrap(inner.runAfterBoth(other, action));
  }

  @Override
  public CompletionStage<Void> runAfterBothAsync(CompletionStage<?> other, Runnable action) {
    return wrap(inner.runAfterBothAsync(other, action));
  }

  @Override
  public CompletionStage<Void> runAfterBothAsync(
      CompletionStage<?> other, Runnable action, Executor executor) {
    return wrap(inner.runAfterBothAsync(other, action, executor));
  }

  @Override
  public <U> CompletionStage<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return wrap(inner.applyToEither(other, fn));
  }

  @Override
  public <U> CompletionStage<U> applyToEitherAsync(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return wrap(inner.applyToEitherAsync(other, fn));
  }

  @Override
  public <U> CompletionStage<U> applyToEitherAsync(
      CompletionStage<? extends T> other, Function<? super T, U> fn, Executor executor) {
    return wrap(inner.applyToEitherAsync(other, fn, executor));
  }

  @Override
  public CompletionStage<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return wrap(inner.acceptEither(other, action));
  }

  @Override
  public CompletionStage<Void> acceptEitherAsync(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return wrap(inner.acceptEitherAsync(other, action));
  }

  @Override
  public CompletionStage<Void> acceptEitherAsync(
      CompletionStage<? extends T> other, Consumer<? super T> action, Executor executor) {
    return wrap(inner.acceptEitherAsync(other, action, executor));
  }

  @Override
  public CompletionStage<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return wrap(inner.runAfterEither(other, action));
  }

  @Override
  public CompletionStage<Void> runAfterEitherAsync(CompletionStage<?> other, Runnable action) {
    return wrap(inner.runAfterEitherAsync(other, action));
  }

  @Override
  public CompletionStage<Void> runAfterEitherAsync(
      CompletionStage<?> other, Runnable action, Executor executor) {
    return wrap(inner.runAfterEitherAsync(other, action, executor));
  }

  @Override
  public <U> CompletionStage<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
    return wrap(inner.thenCompose(fn));
  }

  @Override
  public <U> CompletionStage<U> thenComposeAsync(
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return wrap(inner.thenComposeAsync(fn));
  }

  @Override
  public <U> CompletionStage<U> thenComposeAsync(
      Function<? super T, ? extends CompletionStage<U>> fn, Executor executor) {
    return wrap(inner.thenComposeAsync(fn, executor));
  }

  @Override
  public <U> CompletionStage<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return wrap(inner.handle(fn));
  }

  @Override
  public <U> CompletionStage<U> handleAsync(BiFunction<? super T, Throwable, ? extends U> fn) {
    return wrap(inner.handleAsync(fn));
  }

  @Override
  public <U> CompletionStage<U> handleAsync(
      BiFunction<? super T, Throwable, ? extends U> fn, Executor executor) {
    return wrap(inner.handleAsync(fn, executor));
  }

  @Override
  public CompletionStage<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return wrap(inner.whenComplete(action));
  }

  @Override
  public CompletionStage<T> whenCompleteAsync(BiConsumer<? super T, ? super Throwable> action) {
    return wrap(inner.whenCompleteAsync(action));
  }

  @Override
  public CompletionStage<T> whenCompleteAsync(
      BiConsumer<? super T, ? super Throwable> action, Executor executor) {
    return wrap(inner.whenCompleteAsync(action, executor));
  }

  @Override
  public CompletionStage<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return wrap(inner.exceptionally(fn));
  }
}
