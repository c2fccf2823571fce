package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicyBuilder;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.hedge.HedgeDelay;
import io.backon.hedge.HedgingPolicy;
import io.backon.hedge.HedgingPolicyBuilder;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies layered {@link PolicyProperties} to a core {@link RetryPolicyBuilder}: only the settings
 * some layer set are applied, each validated with an error naming the property at fault. Shared by
 * the properties-defined policies and by {@code @Backon} overrides.
 */
final class PolicyAssembler {

  private final CircuitBreakerRegistry breakers;
  private final RetryBudgetRegistry budgets;
  private final HedgeCount hedgeCount;

  PolicyAssembler(
      CircuitBreakerRegistry breakers, RetryBudgetRegistry budgets, HedgeCount hedgeCount) {
    this.breakers = breakers;
    this.budgets = budgets;
    this.hedgeCount = hedgeCount;
  }

  /**
   * Applies the set values of {@code settings} to {@code builder}.
   *
   * @param own the layer being assembled (the policy's section or the annotation), named in errors
   *     about settings no layer set
   * @param waitKindKnown false when the builder comes from a bean whose wait kind is unknown, so a
   *     wait parameter without a wait kind is an error
   */
  void apply(
      LayeredSettings<PolicyProperties> settings,
      SettingSource own,
      boolean waitKindKnown,
      RetryPolicyBuilder builder) {
    PolicyProperties p = settings.values();
    if (p.getEnabled() != null) {
      builder.enabled(p.getEnabled());
    }
    if (p.getMaxTries() != null) {
      ConfigChecks.apply(settings.describe("maxTries", own), p.getMaxTries(), builder::maxTries);
    }
    if (p.getMaxTime() != null) {
      ConfigChecks.apply(settings.describe("maxTime", own), p.getMaxTime(), builder::maxTime);
    }
    WaitAssembler.apply(settings, own, !waitKindKnown, builder);
    applyConditions(settings, own, builder);
    applyTimeLimits(settings, own, builder);
    applyBreakerAndBudget(settings, own, builder);
    applyHedging(settings, own, builder);
    if (p.getRaiseOnGiveUp() != null) {
      builder.raiseOnGiveUp(p.getRaiseOnGiveUp());
    }
    if (p.getWaitForAbandonedAttempts() != null) {
      builder.waitForAbandonedAttempts(p.getWaitForAbandonedAttempts());
    }
    if (p.getStatistics() != null) {
      builder.statistics(p.getStatistics());
    }
    if (p.getBackoffLogLevel() != null) {
      builder.backoffLogLevel(p.getBackoffLogLevel());
    }
    if (p.getGiveUpLogLevel() != null) {
      builder.giveUpLogLevel(p.getGiveUpLogLevel());
    }
  }

  private void applyConditions(
      LayeredSettings<PolicyProperties> settings, SettingSource own, RetryPolicyBuilder builder) {
    PolicyProperties p = settings.values();
    Set<Class<? extends Throwable>> retried = new LinkedHashSet<>();
    if (!p.getRetryOn().isEmpty()) {
      Class<? extends Throwable>[] types =
          ConfigChecks.throwables(settings.describe("retryOn", own), p.getRetryOn());
      retried.addAll(List.of(types));
      builder.retryOn(types);
    }
    if (!p.getAbortOn().isEmpty()) {
      String subject = settings.describe("abortOn", own);
      Class<? extends Throwable>[] types = ConfigChecks.throwables(subject, p.getAbortOn());
      for (Class<? extends Throwable> type : types) {
        if (retried.contains(type)) {
          throw ConfigChecks.contradiction(
              subject,
              type.getName() + " is listed in both retry-on and abort-on.",
              "keep "
                  + type.getName()
                  + " in only one of "
                  + settings.describe("retryOn", own)
                  + " and "
                  + subject
                  + ".");
        }
        for (Class<? extends Throwable> retry : retried) {
          if (type.isAssignableFrom(retry)) {
            throw ConfigChecks.contradiction(
                subject,
                retry.getName()
                    + " in retry-on is never retried: "
                    + type.getName()
                    + " in abort-on covers it.",
                "remove "
                    + retry.getName()
                    + " from "
                    + settings.describe("retryOn", own)
                    + " or "
                    + type.getName()
                    + " from "
                    + subject
                    + ".");
          }
        }
      }
      builder.abortOn(types);
    }
    if (p.getRetryIf() != null && !p.getRetryIf().isBlank()) {
      builder.retryIfResult(
          ResultCondition.parse(settings.describe("retryIf", own), p.getRetryIf()));
    }
  }

  private static void applyTimeLimits(
      LayeredSettings<PolicyProperties> settings, SettingSource own, RetryPolicyBuilder builder) {
    PolicyProperties p = settings.values();
    Duration attemptTimeout = p.getAttemptTimeout();
    Duration deadline = p.getDeadline();
    if (attemptTimeout != null) {
      ConfigChecks.apply(
          settings.describe("attemptTimeout", own), attemptTimeout, builder::attemptTimeout);
    }
    if (deadline != null) {
      ConfigChecks.apply(settings.describe("deadline", own), deadline, builder::deadline);
    }
    if (attemptTimeout != null && deadline != null && attemptTimeout.compareTo(deadline) >= 0) {
      String subject = settings.describe("attemptTimeout", own);
      throw ConfigChecks.contradiction(
          subject,
          "the attempt timeout "
              + ConfigChecks.display(attemptTimeout)
              + " is not shorter than the deadline "
              + ConfigChecks.display(deadline)
              + ", so the deadline always ends the call first and no attempt is ever retried after a timeout.",
          "make " + subject + " shorter than " + settings.describe("deadline", own) + ".");
    }
  }

  private void applyBreakerAndBudget(
      LayeredSettings<PolicyProperties> settings, SettingSource own, RetryPolicyBuilder builder) {
    PolicyProperties p = settings.values();
    String breakerName = p.getCircuitBreaker();
    if (breakerName != null && !breakerName.isBlank()) {
      String subject = settings.describe("circuitBreaker", own);
      CircuitBreaker breaker =
          breakers
              .find(breakerName)
              .orElseThrow(
                  () ->
                      new BackonConfigurationException(
                          ConfigErrorCode.UNKNOWN_CIRCUIT_BREAKER,
                          subject,
                          "no circuit breaker named '"
                              + breakerName
                              + "' is configured (known: "
                              + sortedNames(
                                  breakers.all().stream().map(CircuitBreaker::name).toList())
                              + ").",
                          "define backon.circuit-breakers."
                              + breakerName
                              + " or a CircuitBreaker bean with that name, or fix the name."));
      builder.circuitBreaker(breaker);
    }
    if (p.getRetryOnCircuitOpen() != null) {
      if (p.getRetryOnCircuitOpen() && (breakerName == null || breakerName.isBlank())) {
        String subject = settings.describe("retryOnCircuitOpen", own);
        throw ConfigChecks.contradiction(
            subject,
            "retry-on-circuit-open is true but the policy has no circuit breaker.",
            "set circuit-breaker next to " + subject + ", or remove it.");
      }
      builder.retryOnCircuitOpen(p.getRetryOnCircuitOpen());
    }
    String budgetName = p.getBudget();
    if (budgetName != null && !budgetName.isBlank()) {
      String subject = settings.describe("budget", own);
      RetryBudget budget =
          budgets
              .find(budgetName)
              .orElseThrow(
                  () ->
                      new BackonConfigurationException(
                          ConfigErrorCode.UNKNOWN_BUDGET,
                          subject,
                          "no retry budget named '"
                              + budgetName
                              + "' is configured (known: "
                              + sortedNames(budgets.all().stream().map(RetryBudget::name).toList())
                              + ").",
                          "define backon.budgets."
                              + budgetName
                              + " or a RetryBudget bean with that name, or fix the name."));
      builder.retryBudget(budget);
    }
  }

  private void applyHedging(
      LayeredSettings<PolicyProperties> settings, SettingSource own, RetryPolicyBuilder builder) {
    HedgingProperties h = settings.values().getHedging();
    boolean anySet =
        settings.isSet("hedging.maxHedges")
            || settings.isSet("hedging.delay")
            || settings.isSet("hedging.delayPercentile");
    if (!anySet) {
      return;
    }
    Integer maxHedges = h.getMaxHedges();
    String maxHedgesSubject = settings.describe("hedging.maxHedges", own);
    if (maxHedges == null) {
      throw ConfigChecks.contradiction(
          settings.describe(
              settings.isSet("hedging.delay") ? "hedging.delay" : "hedging.delayPercentile", own),
          "a hedge delay is set but max-hedges is not, so hedging stays off.",
          "set "
              + maxHedgesSubject
              + " (for example 2: the first copy and one hedge), or remove the delay.");
    }
    hedgeCount.check(maxHedgesSubject, maxHedges);
    if (maxHedges == HedgeCount.NO_HEDGING) {
      return;
    }
    Duration fixedDelay = h.getDelay();
    Double percentile = h.getDelayPercentile();
    if (fixedDelay != null && percentile != null) {
      int fixedLayer = settings.layerOf("hedging.delay");
      int percentileLayer = settings.layerOf("hedging.delayPercentile");
      if (fixedLayer == percentileLayer) {
        String subject = settings.describe("hedging.delayPercentile", own);
        throw ConfigChecks.contradiction(
            subject,
            "both a fixed hedge delay and a percentile delay are set.",
            "keep only one of "
                + settings.describe("hedging.delay", own)
                + " and "
                + subject
                + ".");
      }
      // The more specific layer (policy over extends and defaults, annotation over policy) chooses
      // the kind.
      if (fixedLayer > percentileLayer) {
        percentile = null;
      } else {
        fixedDelay = null;
      }
    }
    HedgingPolicyBuilder hedging = HedgingPolicy.builder();
    ConfigChecks.apply(maxHedgesSubject, maxHedges, hedging::maxHedges);
    if (fixedDelay != null) {
      ConfigChecks.apply(
          settings.describe("hedging.delay", own), fixedDelay, d -> hedging.hedgeDelay(d));
    }
    if (percentile != null) {
      ConfigChecks.apply(
          settings.describe("hedging.delayPercentile", own),
          percentile,
          p -> hedging.hedgeDelay(HedgeDelay.percentile(p)));
    }
    builder.hedging(hedging.build());
  }

  private static String sortedNames(List<String> names) {
    return names.isEmpty() ? "none" : names.stream().sorted().toList().toString();
  }
}
