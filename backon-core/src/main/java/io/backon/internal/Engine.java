package io.backon.internal;

import io.backon.CheckedRunnable;
import io.backon.Invocation;
import io.backon.RetryStatistics;
import io.backon.hedge.HedgeCopyObserver;
import io.backon.hedge.HedgingPolicy;
import io.backon.internal.support.DefaultExecutors;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The engine's one door for the public faces: every {@code Retrying}, {@code Retries}, {@code
 * RetryingCaller} and {@code Hedging} method ends here, with the policy's compiled {@link
 * Pipeline}. Stateless. Not API.
 */
public final class Engine {

  private Engine() {}

  /** Runs a blocking {@link Callable} on the calling thread until it succeeds or gives up. */
  public static <T extends @Nullable Object> T call(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Callable<T> target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return SyncEngine.call(pipeline, invocation, target, statistics);
  }

  /** {@link #call} for a {@link Supplier}, without an adapter. */
  public static <T extends @Nullable Object> T get(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Supplier<T> target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return SyncEngine.get(pipeline, invocation, target, statistics);
  }

  /** {@link #call} for a {@link CheckedRunnable}; returns {@code null}. */
  public static @Nullable Object run(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      CheckedRunnable target,
      @Nullable AtomicReference<RetryStatistics> statistics)
      throws Exception {
    return SyncEngine.run(pipeline, invocation, target, statistics);
  }

  /**
   * Runs an async target: attempts are stages, waits are scheduled, no thread blocks.
   *
   * @param nameSource names the target in events when there is no invocation
   */
  public static <T extends @Nullable Object> CompletableFuture<T> callAsync(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> target,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    return AsyncStart.start(pipeline, invocation, target, nameSource, statistics);
  }

  /** Runs a blocking target off the caller's thread: each attempt on the policy's executor. */
  public static <T extends @Nullable Object> CompletableFuture<T> supplyAsync(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Callable<T> target,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    Executor executor = pipeline.policy().executor();
    AttemptSlots.Call slots = pipeline.slotsForCall(TargetNames.of(invocation, target));
    if (slots != null) {
      CompletableFuture<T> result;
      try {
        result =
            AsyncStart.start(
                pipeline, invocation, () -> slots.submit(target, executor), target, statistics);
      } catch (RuntimeException | Error e) {
        slots.close();
        throw e;
      }
      result.whenComplete((value, failure) -> slots.close());
      return result;
    }
    return AsyncStart.start(
        pipeline, invocation, () -> BlockingAttempt.submit(target, executor), target, statistics);
  }

  /** A hedged blocking call outside any retry policy ({@code Hedging.call}). */
  public static <T extends @Nullable Object> T hedge(
      HedgingPolicy policy, Callable<T> copy, HedgeCopyObserver observer) throws Exception {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(observer, "observer");
    Executor executor = policy.executor();
    AttemptContext context = AttemptContext.current();
    int attempt = context.attempt();
    AttemptTrace trace = context.trace();
    return HedgeLayer.await(
        new HedgedCall<>(
            policy,
            policy.scheduler(),
            policy.clock(),
            observer,
            number -> BlockingAttempt.submit(copy, executor, attempt, trace)));
  }

  /** A hedged async call outside any retry policy ({@code Hedging.callAsync}). */
  public static <T extends @Nullable Object> CompletableFuture<T> hedgeAsync(
      HedgingPolicy policy,
      Supplier<? extends @Nullable CompletionStage<T>> copy,
      HedgeCopyObserver observer) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(observer, "observer");
    Executor executor = policy.executor();
    AttemptContext context = AttemptContext.current();
    int attempt = context.attempt();
    AttemptTrace trace = context.trace();
    return new HedgedCall<T>(
            policy,
            policy.scheduler(),
            policy.clock(),
            observer,
            number -> AsyncCopy.start(copy, attempt, trace, number == 1 ? null : executor))
        .start();
  }

  /**
   * The most recently completed call recorded in {@code statistics} (a face's holder).
   *
   * @throws IllegalStateException when the holder is null: the policy keeps no statistics
   */
  public static RetryStatistics statistics(
      @Nullable AtomicReference<RetryStatistics> statistics, String policyName) {
    return Statistics.last(statistics, policyName);
  }

  /** The 1-based attempt running on this thread, 0 outside any attempt. */
  public static int attemptNumber() {
    return AttemptContext.current().attempt();
  }

  /**
   * Makes {@code number} this thread's attempt number (0: none), for context-propagation libraries
   * that carry it across threads.
   */
  public static void setAttemptNumber(int number) {
    AttemptContext.current().enter(number);
  }

  /**
   * The executor of blocking work moved off the caller's thread when none is configured: a virtual
   * thread per task on JDK 21+, else a cached pool of daemon threads.
   */
  public static Executor defaultExecutor() {
    return DefaultExecutors.blocking();
  }

  /** Whether the default executor runs virtual threads (JDK 21+). */
  public static boolean usesVirtualThreads() {
    return DefaultExecutors.usesVirtualThreads();
  }

  /** Rethrows a checked exception without declaring it (for {@code Retrying.get}). */
  public static RuntimeException sneakyThrow(Exception checked) {
    return Exceptions.sneakyThrow(checked);
  }

  /** Throws an {@link Exception} or {@link Error} as is, wraps any other throwable. */
  public static Exception propagate(Throwable failure) {
    return Exceptions.propagate(failure);
  }
}
