package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The resolved settings of one retry policy, as {@code /actuator/backon} shows them. Durations are
 * ISO-8601 strings; absent limits are {@code null}.
 *
 * @param enabled whether the policy retries
 * @param maxTries attempts in total
 * @param maxTime no attempt starts later than this, or null
 * @param waitStrategy the wait strategy, e.g. {@code expo(base=2.0, factor=PT1S, max=...)}
 * @param jitter the jitter
 * @param abortOn exception types never retried
 * @param attemptTimeout the per-attempt timeout, or null
 * @param deadline the overall deadline, or null
 * @param circuitBreaker the breaker's name, or null
 * @param retryOnCircuitOpen whether rejected calls are retried
 * @param budget the retry budget's name, or null
 * @param hedging the hedging settings, e.g. {@code maxHedges=1, delay=p95}, or null
 * @param fallback whether a fallback is set
 */
public record PolicyDescriptor(boolean enabled, int maxTries, @Nullable String maxTime,
    String waitStrategy, String jitter, List<String> abortOn, @Nullable String attemptTimeout,
    @Nullable String deadline, @Nullable String circuitBreaker, boolean retryOnCircuitOpen,
    @Nullable String budget, @Nullable String hedging, boolean fallback) {

  /** Describes {@code policy}. */
  public static PolicyDescriptor of(RetryPolicy policy) {
    CircuitBreaker breaker = policy.circuitBreaker();
    RetryBudget budget = policy.retryBudget();
    HedgingPolicy hedging = policy.hedging();
    return new PolicyDescriptor(policy.enabled(), policy.maxTries(), nanos(policy.maxTimeNanos()),
        String.valueOf(policy.waitStrategy()), String.valueOf(policy.jitter()),
        policy.abortOn().stream().map(Class::getName).toList(), nanos(policy.attemptTimeoutNanos()),
        nanos(policy.deadlineNanos()), breaker == null ? null : breaker.name(),
        policy.retryOnCircuitOpen(), budget == null ? null : budget.name(),
        hedging == null ? null : hedging.toString(), policy.fallback() != null);
  }

  private static @Nullable String nanos(long nanos) {
    return nanos <= 0 || nanos == Long.MAX_VALUE ? null : Duration.ofNanos(nanos).toString();
  }
}
