package io.backon;

import io.backon.internal.Engine;
import io.backon.internal.IteratorCall;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Runs calls under one {@link RetryPolicy}. Reusable and thread-safe: build one per downstream and
 * share it.
 *
 * <pre>{@code
 * Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(5).retryOn(IOException.class).build());
 * String body = retrying.call(() -> client.fetch(url));
 * }</pre>
 *
 * <p>A call that gives up throws the last failure exactly as the target threw it (checked
 * exceptions included), unless the policy has a fallback or {@code raiseOnGiveUp(false)}.
 */
public final class Retrying {

  private final RetryPolicy policy;
  private final @Nullable AtomicReference<RetryStatistics> statistics;

  private Retrying(RetryPolicy policy) {
    this.policy = policy;
    this.statistics = policy.statistics() ? new AtomicReference<>(RetryStatistics.NONE) : null;
  }

  /** A {@code Retrying} for this policy. */
  public static Retrying of(RetryPolicy policy) {
    return new Retrying(Objects.requireNonNull(policy, "policy"));
  }

  /** The policy this instance applies. */
  public RetryPolicy policy() {
    return policy;
  }

  /**
   * Calls {@code target} until it succeeds or the policy gives up.
   *
   * @return the first accepted value (or the fallback's value)
   * @throws Exception the last failure as the target threw it
   */
  public <T extends @Nullable Object> T call(Callable<T> target) throws Exception {
    return Engine.call(
        policy.pipeline(), null, Objects.requireNonNull(target, "target"), statistics);
  }

  /**
   * Like {@link #call(Callable)}, naming the target and its arguments for events and logs (used by
   * integrations such as the Spring aspect).
   */
  public <T extends @Nullable Object> T call(Invocation invocation, Callable<T> target)
      throws Exception {
    return Engine.call(
        policy.pipeline(),
        Objects.requireNonNull(invocation, "invocation"),
        Objects.requireNonNull(target, "target"),
        statistics);
  }

  /**
   * Calls a target that throws only unchecked exceptions. A checked exception thrown by a fallback
   * still reaches the caller unchanged (undeclared).
   */
  public <T extends @Nullable Object> T get(Supplier<T> target) {
    Objects.requireNonNull(target, "target");
    try {
      return Engine.get(policy.pipeline(), null, target, statistics);
    } catch (RuntimeException unchecked) {
      throw unchecked;
    } catch (Exception checked) {
      throw Engine.sneakyThrow(checked);
    }
  }

  /** Runs {@code action} until it completes or the policy gives up. */
  public void run(CheckedRunnable action) throws Exception {
    Objects.requireNonNull(action, "action");
    Engine.run(policy.pipeline(), null, action, statistics);
  }

  /**
   * Calls an asynchronous target until its stage completes normally or the policy gives up. A
   * failure is a thrown exception or an exceptionally completed stage; both are retried. Waits are
   * scheduled, never slept: no thread is blocked. Cancelling the returned future cancels the
   * in-flight attempt and any pending wait. The first attempt runs on the calling thread, later
   * ones on the policy's executor.
   *
   * @return completes with the first accepted value, or the fallback's; or exceptionally with the
   *     last failure as the target produced it (unwrapped), or a {@link DeadlineExceededException}
   */
  public <T extends @Nullable Object> CompletableFuture<T> callAsync(
      Supplier<? extends @Nullable CompletionStage<T>> target) {
    Objects.requireNonNull(target, "target");
    return Engine.callAsync(policy.pipeline(), null, target, target, statistics);
  }

  /** Like {@link #callAsync(Supplier)}, naming the target and its arguments. */
  public <T extends @Nullable Object> CompletableFuture<T> callAsync(
      Invocation invocation, Supplier<? extends @Nullable CompletionStage<T>> target) {
    Objects.requireNonNull(target, "target");
    return Engine.callAsync(
        policy.pipeline(),
        Objects.requireNonNull(invocation, "invocation"),
        target,
        target,
        statistics);
  }

  /**
   * Runs a blocking target off the caller's thread: each attempt on the policy's executor (a
   * virtual thread per attempt on JDK 21+), waits scheduled in between. Cancelling the returned
   * future (or an attempt timeout) interrupts the running attempt.
   */
  public <T extends @Nullable Object> CompletableFuture<T> supplyAsync(Callable<T> target) {
    Objects.requireNonNull(target, "target");
    return Engine.supplyAsync(policy.pipeline(), null, target, statistics);
  }

  /**
   * The iterator face: each {@link Attempt} is one try, with the same policy, callbacks and context
   * as {@link #call}. The returned {@link Attempts} is single-use and confined to this thread.
   */
  public <T extends @Nullable Object> Attempts<T> attempts() {
    return new Attempts<>(new IteratorCall(policy.pipeline(), null, this, statistics));
  }

  /** Like {@link #attempts()}, naming the target for events and logs. */
  public <T extends @Nullable Object> Attempts<T> attempts(Invocation invocation) {
    return new Attempts<>(
        new IteratorCall(
            policy.pipeline(), Objects.requireNonNull(invocation, "invocation"), this, statistics));
  }

  /**
   * What the most recently completed call through this instance did (whichever thread made it).
   *
   * @throws IllegalStateException when the policy does not record statistics
   */
  public RetryStatistics statistics() {
    return Engine.statistics(statistics, policy.name());
  }

  /**
   * Whether calls are retried; {@code false} when the policy or {@link Retries#disable()} says so.
   */
  public boolean isEnabled() {
    return policy.enabled() && Retries.isEnabled();
  }

  /** A copy whose calls run the target exactly once when {@code enabled} is false. */
  public Retrying withEnabled(boolean enabled) {
    return enabled == policy.enabled() ? this : of(policy.toBuilder().enabled(enabled).build());
  }

  /** A copy with a changed policy, e.g. {@code retrying.copy(b -> b.maxTries(5))}. */
  public Retrying copy(UnaryOperator<RetryPolicyBuilder> change) {
    return of(change.apply(policy.toBuilder()).build());
  }

  /** A builder pre-filled with this instance's policy. */
  public RetryPolicyBuilder toBuilder() {
    return policy.toBuilder();
  }

  @Override
  public String toString() {
    return "Retrying{" + policy + '}';
  }
}
