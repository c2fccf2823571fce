package io.backon.internal;

import io.backon.breaker.CircuitBreaker;
import io.backon.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The circuit-breaker layer: the one place where an attempt (each hedged copy) asks the policy's
 * breaker for permission and reports its outcome. A rejected copy fails with the breaker's {@code
 * CircuitOpenException}; a permitted one reports its failure or value, or, when it carries no
 * verdict (it lost a hedged race, was cut by the deadline, or was cancelled), releases its
 * permission. The clock is read only when the breaker detects slow calls. The blocking and async
 * entries serve every face; the iterator and Flux faces, which run the target themselves, use
 * {@link #admit} and {@link #report}. Thread-safe. Not API.
 */
final class BreakerLayer extends Layer {

  private final CircuitBreaker breaker;

  BreakerLayer(CircuitBreaker breaker, @Nullable Layer inner) {
    super(inner);
    this.breaker = breaker;
  }

  /** The breaker this layer asks. */
  CircuitBreaker breaker() {
    return breaker;
  }

  @Override
  String name() {
    return "breaker(" + breaker.name() + ")";
  }

  @Override
  <T extends @Nullable Object> T blocking(AttemptRun run, Callable<T> target) throws Exception {
    return call(run, run.clock(), target, null);
  }

  /**
   * The blocking entry without an {@link AttemptRun}: the first attempt of a policy whose only
   * layer is this breaker, run without allocating anything.
   *
   * @param invoker runs {@code target} (a Callable, Supplier or runnable) without an adapter
   */
  <T extends @Nullable Object> T call(
      @Nullable AttemptRun run, Clock clock, Object target, @Nullable Invoker invoker)
      throws Exception {
    breaker.acquirePermission();
    boolean slowCalls = breaker.measuresDurations();
    long start = slowCalls ? clock.nanoTime() : 0L;
    @Nullable T value = null;
    Throwable failure = null;
    try {
      value = invoker != null ? invoker.invoke(target) : next(nonNull(run), Nulls.cast(target));
    } catch (VirtualMachineError fatal) {
      breaker.releasePermission();
      throw fatal;
    } catch (Throwable thrown) {
      failure = thrown;
    }
    report(
        slowCalls ? clock.nanoTime() - start : 0L,
        value,
        failure,
        run != null && (run.raceDecided() || run.cutByDeadline()));
    if (failure != null) {
      throw Exceptions.propagate(failure);
    }
    return Nulls.cast(value);
  }

  @Override
  <T extends @Nullable Object> CompletionStage<T> async(
      AttemptRun run, Supplier<? extends @Nullable CompletionStage<T>> target) {
    if (!breaker.tryAcquirePermission()) {
      return CompletableFuture.failedFuture(breaker.rejection());
    }
    Clock clock = run.clock();
    boolean slowCalls = breaker.measuresDurations();
    long start = slowCalls ? clock.nanoTime() : 0L;
    CompletionStage<T> stage;
    try {
      stage = nextAsync(run, target);
    } catch (VirtualMachineError fatal) { // rethrown by Layer.invoke: no verdict, as in call()
      breaker.releasePermission();
      throw fatal;
    }
    CompletableFuture<T> done = Stages.completedNormally(stage);
    if (done != null) { // the common fast case: report at once, nothing to wait for
      try {
        report(slowCalls ? clock.nanoTime() - start : 0L, done.join(), null, run.raceDecided());
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable thrown) { // a throwing recordResult: the copy fails, as when blocking
        return CompletableFuture.failedFuture(thrown);
      }
      return stage;
    }
    return Stages.whenDone(
        stage,
        (value, failure, cancelled) -> {
          boolean noVerdict = cancelled || (failure != null && run.raceDecided());
          report(
              slowCalls && !noVerdict ? clock.nanoTime() - start : 0L, value, failure, noVerdict);
        });
  }

  /**
   * Asks for a permission without blocking or throwing; for faces that run the target themselves.
   *
   * @return whether the copy may run; when not, its failure is {@link CircuitBreaker#rejection()}
   */
  boolean admit() {
    return breaker.tryAcquirePermission();
  }

  /**
   * Tells the breaker how a permitted copy ended: its failure or its value, or nothing (the
   * permission is released) when the copy carries no verdict.
   */
  void report(
      long durationNanos, @Nullable Object value, @Nullable Throwable failure, boolean noVerdict) {
    if (noVerdict) {
      breaker.releasePermission();
    } else if (failure != null) {
      breaker.onError(durationNanos, failure);
    } else {
      breaker.onResult(durationNanos, value);
    }
  }

  private static AttemptRun nonNull(@Nullable AttemptRun run) {
    if (run == null) {
      throw new IllegalStateException("a layered call needs its attempt run");
    }
    return run;
  }
}
