package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.time.Cancellable;
import io.backon.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One asynchronous copy of an attempt with the inner layers applied: circuit breaker → (hedging
 * around this) → attempt timeout → target. A copy the breaker rejects fails with its {@code
 * CircuitOpenException}; a copy that times out (the clock starts before the supplier is called)
 * fails with {@link AttemptTimeoutException} and its source future is cancelled; a copy that is cancelled, or fails after another copy won, releases
 * its breaker permission instead of recording an outcome. Not API.
 */
final class AsyncGuardedCopy<T extends @Nullable Object>
    implements Supplier<CompletionStage<T>> {

  private final RetryPolicy policy;
  private final Supplier<? extends @Nullable CompletionStage<T>> supplier;
  private final String targetName;
  private final int attempt;
  private final @Nullable AtomicBoolean decided;

  AsyncGuardedCopy(RetryPolicy policy, Supplier<? extends @Nullable CompletionStage<T>> supplier,
      String targetName, int attempt, @Nullable AtomicBoolean decided) {
    this.policy = policy;
    this.supplier = supplier;
    this.targetName = targetName;
    this.attempt = attempt;
    this.decided = decided;
  }

  @Override
  public CompletionStage<T> get() {
    CircuitBreaker breaker = policy.circuitBreaker();
    if (breaker != null && !breaker.tryAcquirePermission()) {
      return CompletableFuture.failedFuture(breaker.rejection());
    }
    Clock clock = policy.clock();
    boolean slowCalls = breaker != null && breaker.measuresDurations();
    long start = slowCalls ? clock.nanoTime() : 0L;
    CompletableFuture<T> copy = new CompletableFuture<>();
    long timeout = policy.attemptTimeoutNanos();
    Cancellable timer = timeout < 0 ? null : policy.scheduler().schedule(() ->
        copy.completeExceptionally(new AttemptTimeoutException(targetName, attempt,
            Duration.ofNanos(timeout))), timeout);
    CompletionStage<T> stage = AsyncCall.invoke(supplier, attempt);
    CompletableFuture<?> source = AsyncCall.sourceOf(stage);
    stage.whenComplete((value, failure) -> {
      if (failure != null) {
        copy.completeExceptionally(AsyncCall.unwrapNonNull(failure));
      } else {
        copy.complete(value);
      }
    });
    copy.whenComplete((value, failure) -> {
      if (timer != null) {
        timer.cancel();
      }
      if (source != null && !source.isDone()) {
        source.cancel(true);
      }
      if (breaker != null) {
        AtomicBoolean won = decided;
        boolean lost = copy.isCancelled() || (failure != null && won != null && won.get());
        GuardedCopy.report(breaker, slowCalls && !lost ? clock.nanoTime() - start : 0L, value,
            failure == null || lost ? null : AsyncCall.unwrapNonNull(failure), lost);
      }
    });
    return copy;
  }

  @Override
  public String toString() {
    return supplier.toString();
  }
}
