package io.backon;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The fluent caller for asynchronous targets:
 *
 * <pre>{@code
 * CompletableFuture<Quote> quote = AsyncRetryingCaller.of(policy).on(IOException.class)
 *     .call(() -> client.quoteAsync(symbol));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@code on...} returns a new caller and builds its policy once.
 */
public final class AsyncRetryingCaller {

  private final Retrying retrying;

  private AsyncRetryingCaller(Retrying retrying) {
    this.retrying = retrying;
  }

  /** A caller using {@code policy} as it is. */
  public static AsyncRetryingCaller of(RetryPolicy policy) {
    return new AsyncRetryingCaller(Retrying.of(Objects.requireNonNull(policy, "policy")));
  }

  /** A caller retrying only failures of these types (attempt timeouts stay retryable). */
  @SafeVarargs
  public final AsyncRetryingCaller on(Class<? extends Throwable>... types) {
    return new AsyncRetryingCaller(retrying.copy(b -> b.retryOn(types)));
  }

  /** A caller that also retries values matching {@code predicate}. */
  public AsyncRetryingCaller onResult(Predicate<? super @Nullable Object> predicate) {
    return new AsyncRetryingCaller(retrying.copy(b -> b.retryIfResult(predicate)));
  }

  /** The policy this caller applies. */
  public RetryPolicy policy() {
    return retrying.policy();
  }

  /** Calls an async target; see {@link Retrying#callAsync(Supplier)}. */
  public <T extends @Nullable Object> CompletableFuture<T> call(
      Supplier<? extends @Nullable CompletionStage<T>> target) {
    return retrying.callAsync(target);
  }

  /** Runs a blocking target off the caller's thread; see {@link Retrying#supplyAsync(Callable)}. */
  public <T extends @Nullable Object> CompletableFuture<T> supply(Callable<T> target) {
    return retrying.supplyAsync(target);
  }

  @Override
  public String toString() {
    return "AsyncRetryingCaller{" + retrying.policy() + '}';
  }
}
