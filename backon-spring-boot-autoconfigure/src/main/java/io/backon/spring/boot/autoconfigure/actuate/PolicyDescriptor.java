package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.Description;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgingPolicy;
import io.backon.spring.boot.autoconfigure.SettingOrigin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The resolved settings of one retry policy, as {@code /actuator/backon} shows them. Durations are
 * ISO-8601 text and {@code null} means none or no limit; strategies are objects with a {@code kind}
 * and typed parameters (see {@link JsonValues}).
 *
 * @param name the policy's name (for an annotated method: the policy it starts from)
 * @param enabled whether the policy retries
 * @param maxTries attempts in total, or {@code null} when another stop condition replaced the limit
 * @param maxTime no attempt starts later than this, or {@code null}
 * @param waitStrategy the wait strategy, e.g. {@code
 *     {"kind":"expo","base":2.0,"factor":"PT0.1S","max":"PT1S"}}
 * @param jitter the jitter, e.g. {@code {"kind":"full"}}
 * @param retryOn exception types retried (fully qualified); empty: every exception
 * @param abortOn exception types never retried
 * @param retryIf the condition on returned values that asks for another attempt ({@code retry-if}),
 *     e.g. {@code {"kind":"expression","expression":"#result == null"}}, or {@code null}
 * @param retryCondition the whole condition the policy applies, retryOn, retryIf and abortOn
 *     combined (timeouts and interrupts included)
 * @param attemptTimeout the per-attempt timeout, or {@code null}
 * @param deadline the overall deadline, or {@code null}
 * @param circuitBreaker the breaker's name, or {@code null}
 * @param retryOnCircuitOpen whether rejected calls are retried
 * @param budget the retry budget's name, or {@code null}
 * @param hedging the hedging settings, or {@code null} when the policy does not hedge
 * @param fallback whether a fallback is set
 * @param raiseOnGiveUp whether giving up throws the last failure
 * @param waitForAbandonedAttempts whether a {@code supplyAsync} retry waits for the call's
 *     abandoned attempts to end (else it ends the call)
 * @param statistics whether the policy records statistics of its last call
 * @param backoffLogLevel the level of each back-off log line ({@code DEBUG}, ...)
 * @param giveUpLogLevel the level of the give-up log line ({@code WARNING}, ...)
 * @param sources where each setting above came from, under the same key
 */
public record PolicyDescriptor(
    String name,
    boolean enabled,
    @Nullable Integer maxTries,
    @Nullable String maxTime,
    Map<String, @Nullable Object> waitStrategy,
    Map<String, @Nullable Object> jitter,
    List<String> retryOn,
    List<String> abortOn,
    @Nullable Map<String, @Nullable Object> retryIf,
    Map<String, @Nullable Object> retryCondition,
    @Nullable String attemptTimeout,
    @Nullable String deadline,
    @Nullable String circuitBreaker,
    boolean retryOnCircuitOpen,
    @Nullable String budget,
    @Nullable HedgingDescriptor hedging,
    boolean fallback,
    boolean raiseOnGiveUp,
    boolean waitForAbandonedAttempts,
    boolean statistics,
    String backoffLogLevel,
    String giveUpLogLevel,
    Map<String, SourceDescriptor> sources) {

  /** Describes {@code policy}, with the origins of its settings (empty when unknown). */
  public static PolicyDescriptor of(RetryPolicy policy, Map<String, SettingOrigin> origins) {
    CircuitBreaker breaker = policy.circuitBreaker();
    RetryBudget budget = policy.retryBudget();
    HedgingPolicy hedging = policy.hedging();
    Predicate<?> retryIf = policy.retryIfResult();
    Map<String, SourceDescriptor> sources = new LinkedHashMap<>();
    origins.forEach((setting, origin) -> sources.put(setting, SourceDescriptor.of(origin)));
    return new PolicyDescriptor(
        policy.name(),
        policy.enabled(),
        policy.maxTries() > 0 ? policy.maxTries() : null,
        JsonValues.nanos(policy.maxTimeNanos()),
        JsonValues.of(policy.waitStrategy().describe()),
        JsonValues.of(policy.jitter().describe()),
        classNames(policy.retryOn()),
        classNames(policy.abortOn()),
        retryIf == null ? null : JsonValues.of(Description.of(retryIf)),
        JsonValues.of(policy.retryCondition().describe()),
        JsonValues.nanos(policy.attemptTimeoutNanos()),
        JsonValues.nanos(policy.deadlineNanos()),
        breaker == null ? null : breaker.name(),
        policy.retryOnCircuitOpen(),
        budget == null ? null : budget.name(),
        hedging == null ? null : HedgingDescriptor.of(hedging),
        policy.fallback() != null,
        policy.raiseOnGiveUp(),
        policy.waitForAbandonedAttempts(),
        policy.statistics(),
        policy.backoffLogLevel().name(),
        policy.giveUpLogLevel().name(),
        sources);
  }

  private static List<String> classNames(List<Class<? extends Throwable>> types) {
    return types.stream().map(Class::getName).toList();
  }
}
