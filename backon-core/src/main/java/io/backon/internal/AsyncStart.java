package io.backon.internal;

import io.backon.Invocation;
import io.backon.RetryStatistics;
import io.backon.budget.RetryBudget;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How an asynchronous call starts: its first attempt runs on the calling thread, and a stage that
 * is already complete and successful ends the call there without per-call state (as the blocking
 * loop's fast path does). Otherwise an {@link AsyncCall} carries the call on. Not API.
 */
final class AsyncStart {

  static {
    FastPathTypes.load(); // lets the JIT inline the policy accessors of the fast path
  }

  private AsyncStart() {}

  /**
   * Starts a call; the first attempt runs on the calling thread.
   *
   * @param nameSource names the target in events when there is no invocation
   */
  static <T extends @Nullable Object> CompletableFuture<T> start(
      Pipeline pipeline,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    GlobalSettings overrides = GlobalSettings.current();
    if (overrides.disabled()
        || !pipeline.policy().enabled()
        || pipeline.stateFromStart()
        || pipeline.checksResults()) {
      return startOtherwise(pipeline, overrides, invocation, supplier, nameSource, statistics);
    }
    // Kept small, so that the JIT inlines it into the faces and sees the future does not escape.
    return startPlain(pipeline, overrides, invocation, supplier, nameSource, statistics);
  }

  /** A call that is switched off, checks values, or needs state (or a trace) from its start. */
  private static <T extends @Nullable Object> CompletableFuture<T> startOtherwise(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    if (overrides.disabled() || !pipeline.policy().enabled()) {
      countAttempt(overrides);
      return invokeOnce(supplier);
    }
    if (pipeline.tracedFirstAttempt() && !pipeline.checksResults()) {
      CallTracer tracer = CallTrace.tracer(pipeline, overrides, invocation, nameSource);
      if (tracer != null) {
        return startTraced(
            pipeline, overrides, invocation, supplier, nameSource, statistics, tracer);
      }
    }
    return startWithState(pipeline, overrides, invocation, supplier, nameSource, statistics);
  }

  private static <T extends @Nullable Object> CompletableFuture<T> startWithState(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    return AsyncCall.begin(
        pipeline,
        overrides,
        invocation,
        supplier,
        nameSource,
        statistics,
        pipeline.policy().clock().nanoTime(),
        null,
        null);
  }

  /**
   * A policy that needs no state before its first attempt (see {@link Pipeline#stateFromStart()})
   * and checks no values: the first attempt runs through the layers before any per-call state
   * exists, and a stage that is already complete and successful ends the call there, as the
   * blocking loop's fast path does. Otherwise the call carries on with that stage as its first
   * attempt. Kept small, so that the JIT can see the returned future does not escape.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> startPlain(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics) {
    Clock clock = pipeline.policy().clock();
    boolean timed = pipeline.timed();
    long start = timed ? clock.nanoTime() : 0L;
    countAttempt(overrides);
    CompletionStage<T> first =
        pipeline.hasLayers()
            ? pipeline.async(
                new AttemptRun(null, nameSource, 1, pipeline.environment(), null, null), supplier)
            : Layer.invoke(supplier, 1);
    CompletableFuture<T> done = Stages.completedNormally(first);
    if (done != null) {
      T value = done.join();
      succeeded(pipeline, statistics, clock, start);
      return CompletableFuture.completedFuture(value); // not the target's own future
    }
    return AsyncCall.begin(
        pipeline,
        overrides,
        invocation,
        supplier,
        nameSource,
        statistics,
        timed ? start : clock.nanoTime(),
        null,
        first);
  }

  /**
   * As {@link #startPlain} for a policy that needs state only for its instrumentation (see {@link
   * Pipeline#tracedFirstAttempt()}): the first attempt is traced with {@code tracer}'s own tracers,
   * and the call's state, if one is needed, resumes them.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> startTraced(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Supplier<? extends @Nullable CompletionStage<T>> supplier,
      Object nameSource,
      @Nullable AtomicReference<RetryStatistics> statistics,
      CallTracer tracer) {
    Clock clock = pipeline.policy().clock();
    long start = clock.nanoTime();
    countAttempt(overrides);
    AttemptTracer attemptTracer = AttemptTrace.tracer(tracer, 1);
    TraceScope scope = AttemptTrace.scope(attemptTracer);
    AttemptTrace attempt = null;
    if (scope != TraceScope.NONE) {
      attempt = AttemptTrace.of(attemptTracer, 1, start);
      scope = attempt.publish(scope);
    }
    CompletionStage<T> first;
    try {
      first =
          pipeline.hasLayers()
              ? pipeline.async(
                  new AttemptRun(null, nameSource, 1, pipeline.environment(), null, attempt),
                  supplier)
              : Layer.invoke(supplier, 1);
    } finally {
      AttemptTrace.closeScope(scope);
    }
    CompletableFuture<T> done = Stages.completedNormally(first);
    if (done != null) {
      T value = done.join();
      long end = succeeded(pipeline, statistics, clock, start);
      CallTrace.succeededAtOnce(tracer, attemptTracer, Math.max(0L, end - start));
      return CompletableFuture.completedFuture(value); // not the target's own future
    }
    CallTrace resumed = CallTrace.resume(tracer, clock, start, attempt, attemptTracer);
    return AsyncCall.begin(
        pipeline, overrides, invocation, supplier, nameSource, statistics, start, resumed, first);
  }

  private static void countAttempt(GlobalSettings overrides) {
    AtomicInteger counter = overrides.attemptCounter();
    if (counter != null) {
      counter.incrementAndGet();
    }
  }

  /**
   * Books a first attempt that succeeded at once: the budget earns, the statistics record.
   *
   * @return when the call ended (0 when the policy is not timed)
   */
  private static long succeeded(
      Pipeline pipeline,
      @Nullable AtomicReference<RetryStatistics> statistics,
      Clock clock,
      long start) {
    long end = pipeline.timed() ? clock.nanoTime() : 0L;
    RetryBudget budget = pipeline.budget();
    if (budget != null) {
      budget.onSuccess();
    }
    if (statistics != null) {
      Statistics.record(statistics, clock, start, end, 1, 0L);
    }
    return end;
  }

  /**
   * Calls the target once, for a switched-off call: the returned future mirrors its stage (any
   * {@code CompletionStage}, also one that refuses {@code toCompletableFuture()}), fails with the
   * target's own failure, unwrapped, and cancels the stage's future when cancelled.
   */
  private static <T extends @Nullable Object> CompletableFuture<T> invokeOnce(
      Supplier<? extends @Nullable CompletionStage<T>> supplier) {
    try {
      CompletionStage<T> stage = supplier.get();
      if (stage == null) {
        return CompletableFuture.failedFuture(
            new NullPointerException(
                "the async target returned null instead of a CompletionStage"));
      }
      return Stages.mirror(stage);
    } catch (Throwable failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }
}
