package io.backon.spring.boot.autoconfigure.http;

import io.backon.AttemptTimeoutException;
import io.backon.EventType;
import io.backon.RetryListener;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.breaker.CircuitBreaker;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds the policy an HTTP call runs under from a named Backon policy: its name, attempts, time
 * limits, waits and jitter, attempt timeout, deadline, budget, listeners, time sources,
 * instrumentation, log levels and switch are kept; its retry conditions, give-up predicate and
 * fallback are replaced by the HTTP rules (retry I/O failures, attempt timeouts and {@link
 * HttpStatusException}s the rules call retryable); its wait override applies only where no {@code
 * Retry-After} does; its circuit breaker gives way to the host's; hedging is kept only for
 * idempotent requests; a request that may not be repeated retries nothing. Stateless.
 */
final class HttpPolicyDerivation {

  /** What the HTTP layer retries; every request it runs under a policy may be repeated. */
  static final RetryCondition HTTP_FAILURES =
      RetryCondition.onFailure(
          failure ->
              failure instanceof HttpStatusException status
                  ? status.retryable()
                  : isIoFailure(failure) || failure instanceof AttemptTimeoutException);

  private HttpPolicyDerivation() {}

  /**
   * @param base the named policy
   * @param breaker the breaker each attempt goes through (the host's, or the policy's own), if any
   * @param hedged whether to keep the policy's hedging (idempotent requests only)
   * @param repeatable whether the request may be sent again; if not, every failed attempt gives up
   *     (the policy's time limits, breaker, listeners and meters still apply to the one attempt)
   */
  static RetryPolicy derive(
      RetryPolicy base, @Nullable CircuitBreaker breaker, boolean hedged, boolean repeatable) {
    RetryPolicyBuilder b =
        RetryPolicy.builder()
            .name(base.name())
            .wait(base.waitStrategy())
            .jitter(base.jitter())
            .retryIf(repeatable ? HTTP_FAILURES : RetryCondition.never())
            .waitOverride(retryAfterFirst(base.waitOverride()))
            .clock(base.clock())
            .sleeper(base.sleeper())
            .scheduler(base.scheduler())
            .executor(base.executor())
            .backoffLogLevel(base.backoffLogLevel())
            .giveUpLogLevel(base.giveUpLogLevel())
            .instrumentation(base.instrumentation())
            .retryOnCircuitOpen(base.retryOnCircuitOpen())
            .enabled(base.enabled());
    if (base.maxTriesSupplier() != null) {
      b.maxTries(base.maxTriesSupplier());
    } else if (base.maxTries() > 0) {
      b.maxTries(base.maxTries());
    }
    if (base.maxTimeSupplier() != null) {
      b.maxTime(base.maxTimeSupplier());
    } else if (base.maxTimeNanos() > 0) {
      b.maxTime(Duration.ofNanos(base.maxTimeNanos()));
    }
    if (base.stop() != null) {
      b.stop(base.stop());
    }
    if (base.attemptTimeoutNanos() > 0) {
      b.attemptTimeout(Duration.ofNanos(base.attemptTimeoutNanos()));
    }
    if (base.deadlineNanos() > 0) {
      b.deadline(Duration.ofNanos(base.deadlineNanos()));
    }
    if (base.retryBudget() != null) {
      b.retryBudget(base.retryBudget());
    }
    HedgingPolicy hedging = base.hedging();
    if (hedged && hedging != null) {
      b.hedging(hedging);
    }
    if (breaker != null) {
      b.circuitBreaker(breaker);
    }
    for (EventType type : EventType.values()) {
      for (RetryListener listener : base.listeners(type)) {
        b.listen(type, listener);
      }
    }
    return b.build();
  }

  /**
   * Whether {@code failure} is an I/O failure: an {@link IOException}, or a client's exception
   * wrapping one (WebClient reports a reset connection as a {@code WebClientRequestException}).
   */
  static boolean isIoFailure(Throwable failure) {
    return failure instanceof IOException || failure.getCause() instanceof IOException;
  }

  private static Function<Throwable, @Nullable Duration> retryAfterFirst(
      @Nullable Function<? super Throwable, ? extends @Nullable Duration> own) {
    return failure -> {
      if (failure instanceof HttpStatusException status && status.retryAfter() != null) {
        return status.retryAfter();
      }
      return own == null ? null : own.apply(failure);
    };
  }
}
