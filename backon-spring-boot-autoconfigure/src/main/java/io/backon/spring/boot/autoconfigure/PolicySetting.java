package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a policy that {@code /actuator/backon} shows, each with the properties (camelCase
 * paths of {@link PolicyProperties}) that set it and how to read its value from a built policy, to
 * tell whether a customizer changed it. The keys are the endpoint's JSON keys.
 */
enum PolicySetting {
  ENABLED("enabled", RetryPolicy::enabled, "enabled"),
  MAX_TRIES("maxTries", RetryPolicy::maxTries, "maxTries"),
  MAX_TIME("maxTime", RetryPolicy::maxTimeNanos, "maxTime"),
  WAIT_STRATEGY(
      "waitStrategy",
      RetryPolicy::waitStrategy,
      "wait",
      "delay",
      "maxDelay",
      "minDelay",
      "multiplier",
      "increment"),
  JITTER("jitter", RetryPolicy::jitter, "jitter", "jitterMax"),
  RETRY_ON("retryOn", RetryPolicy::retryOn, "retryOn"),
  ABORT_ON("abortOn", RetryPolicy::abortOn, "abortOn"),
  RETRY_IF("retryIf", RetryPolicy::retryIfResult, "retryIf"),
  RETRY_CONDITION(
      "retryCondition",
      policy -> policy.retryCondition().describe(),
      "retryOn",
      "abortOn",
      "retryIf"),
  ATTEMPT_TIMEOUT("attemptTimeout", RetryPolicy::attemptTimeoutNanos, "attemptTimeout"),
  DEADLINE("deadline", RetryPolicy::deadlineNanos, "deadline"),
  CIRCUIT_BREAKER("circuitBreaker", RetryPolicy::circuitBreaker, "circuitBreaker"),
  RETRY_ON_CIRCUIT_OPEN(
      "retryOnCircuitOpen", RetryPolicy::retryOnCircuitOpen, "retryOnCircuitOpen"),
  BUDGET("budget", RetryPolicy::retryBudget, "budget"),
  HEDGING(
      "hedging",
      RetryPolicy::hedging,
      "hedging.maxHedges",
      "hedging.delay",
      "hedging.delayPercentile"),
  FALLBACK("fallback", RetryPolicy::fallback),
  RAISE_ON_GIVE_UP("raiseOnGiveUp", RetryPolicy::raiseOnGiveUp, "raiseOnGiveUp"),
  WAIT_FOR_ABANDONED_ATTEMPTS(
      "waitForAbandonedAttempts",
      RetryPolicy::waitForAbandonedAttempts,
      "waitForAbandonedAttempts"),
  STATISTICS("statistics", RetryPolicy::statistics, "statistics"),
  BACKOFF_LOG_LEVEL("backoffLogLevel", RetryPolicy::backoffLogLevel, "backoffLogLevel"),
  GIVE_UP_LOG_LEVEL("giveUpLogLevel", RetryPolicy::giveUpLogLevel, "giveUpLogLevel");

  private final String key;
  private final Function<RetryPolicy, @Nullable Object> value;
  private final List<String> properties;

  PolicySetting(String key, Function<RetryPolicy, @Nullable Object> value, String... properties) {
    this.key = key;
    this.value = value;
    this.properties = List.of(properties);
  }

  /** The JSON key of the setting. */
  String key() {
    return key;
  }

  /** The {@link PolicyProperties} paths that set it ({@code "hedging.delay"}); empty for none. */
  List<String> properties() {
    return properties;
  }

  /**
   * Its value in {@code policy}, comparable with {@code equals} between two builds of one builder.
   */
  @Nullable Object valueIn(RetryPolicy policy) {
    return value.apply(policy);
  }
}
