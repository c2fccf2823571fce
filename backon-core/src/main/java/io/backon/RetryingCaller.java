package io.backon;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A fluent caller: start from a policy, narrow what is retried, then call.
 *
 * <pre>{@code
 * RetryingCaller caller = RetryingCaller.of(policy).on(IOException.class);
 * String body = caller.call(() -> client.fetch(url));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@code on...} returns a new caller and builds its policy once.
 */
public final class RetryingCaller {

  private final Retrying retrying;

  private RetryingCaller(Retrying retrying) {
    this.retrying = retrying;
  }

  /** A caller using {@code policy} as it is. */
  public static RetryingCaller of(RetryPolicy policy) {
    return new RetryingCaller(Retrying.of(Objects.requireNonNull(policy, "policy")));
  }

  /** A caller retrying only failures of these types (others end the call at once). */
  @SafeVarargs
  public final RetryingCaller on(Class<? extends Throwable>... types) {
    return new RetryingCaller(retrying.copy(b -> b.retryOn(types)));
  }

  /** A caller that also retries values matching {@code predicate}. */
  public RetryingCaller onResult(Predicate<? super @Nullable Object> predicate) {
    return new RetryingCaller(retrying.copy(b -> b.retryIfResult(predicate)));
  }

  /** The policy this caller applies. */
  public RetryPolicy policy() {
    return retrying.policy();
  }

  /** Calls {@code target}; see {@link Retrying#call(Callable)}. */
  public <T extends @Nullable Object> T call(Callable<T> target) throws Exception {
    return retrying.call(target);
  }

  /** Calls a target throwing only unchecked exceptions; see {@link Retrying#get(Supplier)}. */
  public <T extends @Nullable Object> T get(Supplier<T> target) {
    return retrying.get(target);
  }

  /** Runs {@code action}; see {@link Retrying#run(CheckedRunnable)}. */
  public void run(CheckedRunnable action) throws Exception {
    retrying.run(action);
  }

  @Override
  public String toString() {
    return "RetryingCaller{" + retrying.policy() + '}';
  }
}
