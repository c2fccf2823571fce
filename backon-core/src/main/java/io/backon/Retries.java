package io.backon;

import io.backon.internal.GlobalSettings;
import io.backon.internal.Engine;
import io.backon.wait.Wait;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Static entry points: one-off retries, the JVM-wide on/off switch, and the attempt context.
 *
 * <pre>{@code
 * String body = Retries.retry(() -> client.fetch(url), 5, Wait.expo(), IOException.class);
 * }</pre>
 *
 * <p>Named {@code Retries} because the simple name {@code Backon} belongs to the annotation.
 * Thread-safe.
 */
public final class Retries {

  private Retries() {}

  /**
   * Calls {@code target} under {@code policy}; see {@link Retrying#call(Callable)}.
   *
   * @throws Exception the last failure as the target threw it
   */
  public static <T extends @org.jspecify.annotations.Nullable Object> T retry(
      Callable<T> target, RetryPolicy policy) throws Exception {
    return Engine.call(Objects.requireNonNull(policy, "policy").pipeline(), null,
        Objects.requireNonNull(target, "target"), null);
  }

  /**
   * Short form: at most {@code maxTries} attempts, waiting per {@code wait} (with full jitter),
   * retrying only failures of the given types (any {@link Exception} when none are given).
   */
  @SafeVarargs
  public static <T extends @org.jspecify.annotations.Nullable Object> T retry(
      Callable<T> target, int maxTries, Wait wait, Class<? extends Throwable>... retryOn)
      throws Exception {
    RetryPolicyBuilder builder = RetryPolicy.builder().maxTries(maxTries).wait(wait);
    if (retryOn.length > 0) {
      builder.retryOn(retryOn);
    }
    return retry(target, builder.build());
  }

  /**
   * Calls an asynchronous target under {@code policy}; see {@link Retrying#callAsync(Supplier)}.
   */
  public static <T extends @org.jspecify.annotations.Nullable Object> CompletableFuture<T> retryAsync(
      Supplier<? extends @org.jspecify.annotations.Nullable CompletionStage<T>> target,
      RetryPolicy policy) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(target, "target");
    return Engine.callAsync(policy.pipeline(), null, target, target, null);
  }

  /**
   * The aiomisc-style shortcut: an async caller making at most {@code maxTries} attempts, retrying
   * only the given failure types (any {@link Exception} when none are given), with the default
   * wait ({@link Wait#expo()} and full jitter).
   */
  @SafeVarargs
  public static AsyncRetryingCaller asyncRetry(
      int maxTries, Class<? extends Throwable>... retryOn) {
    RetryPolicyBuilder builder = RetryPolicy.builder().maxTries(maxTries);
    if (retryOn.length > 0) {
      builder.retryOn(retryOn);
    }
    return AsyncRetryingCaller.of(builder.build());
  }

  /**
   * Turns retrying off JVM-wide: every face calls its target exactly once, directly. This is the
   * one documented global switch (Spring: {@code backon.enabled=false}).
   */
  public static void disable() {
    GlobalSettings.update(o -> o.withGloballyDisabled(true));
  }

  /** Turns retrying back on after {@link #disable()}. */
  public static void enable() {
    GlobalSettings.update(o -> o.withGloballyDisabled(false));
  }

  /** Whether retrying is on JVM-wide (neither {@link #disable()} nor a test scope turned it off). */
  public static boolean isEnabled() {
    return !GlobalSettings.current().disabled();
  }

  /**
   * Whether the calling code runs inside an attempt managed by Backon (any attempt number), anywhere
   * in the call stack of that attempt on this thread.
   */
  public static boolean isRetrying() {
    return Engine.attemptNumber() > 0;
  }

  /** The 1-based number of the attempt the calling code runs in, or 0 outside any attempt. */
  public static int attemptNumber() {
    return Engine.attemptNumber();
  }
}
