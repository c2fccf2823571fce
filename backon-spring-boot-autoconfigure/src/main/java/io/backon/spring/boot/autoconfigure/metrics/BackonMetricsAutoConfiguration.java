package io.backon.spring.boot.autoconfigure.metrics;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.micrometer.BackonAttemptObservationConvention;
import io.backon.micrometer.BackonCallObservationConvention;
import io.backon.micrometer.BackonMicrometer;
import io.backon.micrometer.BackonMicrometerBuilder;
import io.backon.micrometer.BackonObservationDocumentation.LowCardinalityKeys;
import io.backon.micrometer.CircuitBreakerMetrics;
import io.backon.micrometer.RetryBudgetMetrics;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.BackonProperties;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import io.backon.spring.boot.autoconfigure.ObservationsProperties;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.actuate.HedgeOutcomeCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configures Backon's Micrometer instrumentation: a {@link BackonMicrometer} (the {@link
 * RetryInstrumentation} every policy gets, including {@code RetryPolicy} beans without one) and a
 * {@link MeterBinder} for the breakers and budgets. Attempts are timed ({@code
 * backon.attempt.duration}) only with {@code backon.metrics.attempt-durations=true}. A user-defined
 * {@code RetryInstrumentation} bean replaces Backon's.
 *
 * <p>Observations ({@code backon.call} per call, {@code backon.attempt} per attempt) cost
 * allocations on every call, so they are made only when something consumes them beyond Backon's own
 * meters ({@code backon.observations.enabled=auto}): an {@link ObservationHandler} bean other than
 * the {@link DefaultMeterObservationHandler} that Spring Boot registers with every meter registry,
 * e.g. Micrometer Tracing's handlers or one of the user's, but not a tracing handler of the no-op
 * tracer that Spring Boot configures when no tracing bridge is present. Handlers added by an {@code
 * ObservationRegistryCustomizer} are not seen; {@code on} forces observations, {@code off} turns
 * them off. {@link BackonCallObservationConvention} and {@link BackonAttemptObservationConvention}
 * beans replace the default conventions. Meters that a meter observation handler makes from
 * Backon's observations are denied: {@code backon.calls} measures the calls, and attempts are
 * counted by {@code backon.attempts} and timed by {@code backon.attempt.duration} when {@code
 * backon.metrics.attempt-durations=true} (off by default, so that a call records one timer).
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"
    })
@ConditionalOnClass({MeterRegistry.class, BackonMicrometer.class})
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(BackonProperties.class)
@ImportRuntimeHints(NoopTracingHandlers.Hints.class)
public final class BackonMetricsAutoConfiguration {

  private static final Log LOGGER = LogFactory.getLog(BackonMetricsAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(RetryInstrumentation.class)
  BackonMicrometer backonMicrometer(
      MeterRegistry meterRegistry,
      BackonProperties properties,
      ObjectProvider<ObservationRegistry> observationRegistry,
      ObjectProvider<ObservationHandler<?>> observationHandlers,
      ObjectProvider<BackonCallObservationConvention> callConvention,
      ObjectProvider<BackonAttemptObservationConvention> attemptConvention) {
    BackonMicrometerBuilder builder =
        BackonMicrometer.builder()
            .meterRegistry(meterRegistry)
            .attemptDurations(properties.getMetrics().isAttemptDurations());
    int maxExceptionTags = properties.getMetrics().getMaxExceptionTags();
    if (maxExceptionTags < 0) {
      throw new BackonConfigurationException(
          ConfigErrorCode.OUT_OF_RANGE,
          "backon.metrics.max-exception-tags",
          "the value " + maxExceptionTags + " is not allowed (it must be 0 or more).",
          "change backon.metrics.max-exception-tags to 0 or more (0 tags every failure"
              + " exception=\"other\").");
    }
    builder.maxExceptionTags(maxExceptionTags);
    ObservationRegistry observations = observationRegistry.getIfUnique();
    ObservationsProperties.Enabled enabled = properties.getObservations().getEnabled();
    if (observations != null && observes(enabled, observationHandlers)) {
      builder
          .observationRegistry(observations)
          .observeAlways(enabled == ObservationsProperties.Enabled.ON);
    }
    callConvention.ifUnique(builder::callConvention);
    attemptConvention.ifUnique(builder::attemptConvention);
    return builder.build();
  }

  /**
   * Whether calls are observed: as forced by {@code backon.observations.enabled}, or in {@code
   * auto} mode when a handler bean consumes observations beyond Backon's own meters.
   */
  private static boolean observes(
      ObservationsProperties.Enabled enabled, ObjectProvider<ObservationHandler<?>> handlers) {
    boolean observes =
        switch (enabled) {
          case ON -> true;
          case OFF -> false;
          case AUTO -> handlers.stream().anyMatch(BackonMetricsAutoConfiguration::consumes);
        };
    if (LOGGER.isDebugEnabled()) {
      LOGGER.debug(
          "Backon calls are "
              + (observes ? "" : "not ")
              + "observed "
              + "(backon.observations.enabled="
              + enabled.name().toLowerCase(Locale.ROOT)
              + ")");
    }
    return observes;
  }

  /**
   * Whether a handler consumes observations beyond Backon's own meters: neither Spring Boot's meter
   * handler, whose timers Backon's meters already are, nor a tracing handler of the no-op tracer,
   * which makes no span.
   */
  private static boolean consumes(ObservationHandler<?> handler) {
    return handler.getClass() != DefaultMeterObservationHandler.class
        && !NoopTracingHandlers.isNoop(handler);
  }

  /**
   * Binds the meters of every configured breaker and budget, and of those built into a {@code
   * RetryPolicy} bean, which neither registry holds. Spring Boot binds it once all singletons
   * exist, so every policy is known by then.
   */
  @Bean
  @ConditionalOnMissingBean(name = "backonMeterBinder")
  MeterBinder backonMeterBinder(
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      ObjectProvider<RetryPolicyRegistry> policies) {
    return registry -> {
      Set<CircuitBreaker> allBreakers = Collections.newSetFromMap(new IdentityHashMap<>());
      Set<RetryBudget> allBudgets = Collections.newSetFromMap(new IdentityHashMap<>());
      allBreakers.addAll(breakers.all());
      allBudgets.addAll(budgets.all());
      policies.ifAvailable(
          known -> {
            for (String name : known.names()) {
              RetryPolicy policy = known.policy(name);
              CircuitBreaker breaker = policy.circuitBreaker();
              if (breaker != null) {
                allBreakers.add(breaker);
              }
              RetryBudget budget = policy.retryBudget();
              if (budget != null) {
                allBudgets.add(budget);
              }
            }
          });
      warnOfSharedNames("circuit breakers", allBreakers, CircuitBreaker::name);
      warnOfSharedNames("retry budgets", allBudgets, RetryBudget::name);
      CircuitBreakerMetrics.of(allBreakers.toArray(CircuitBreaker[]::new)).bindTo(registry);
      RetryBudgetMetrics.of(allBudgets.toArray(RetryBudget[]::new)).bindTo(registry);
    };
  }

  /**
   * Warns of distinct breakers or budgets with one name: their meters share one id, so the registry
   * keeps the gauges of the first and their counters add up, as if they were one.
   */
  private static <T> void warnOfSharedNames(String kind, Set<T> objects, Function<T, String> name) {
    Map<String, Integer> counts = new TreeMap<>();
    for (T object : objects) {
      counts.merge(name.apply(object), 1, Integer::sum);
    }
    counts.forEach(
        (shared, count) -> {
          if (count > 1) {
            LOGGER.warn(
                count
                    + " different "
                    + kind
                    + " are named '"
                    + shared
                    + "': their meters (name=\""
                    + shared
                    + "\") show the first one's state and the sum of their counts. Give each its"
                    + " own name (e.g. RetryBudget.builder().name(...) in a RetryPolicy bean).");
          }
        });
  }

  /**
   * Hedging counts for {@code /actuator/backon}, read from the {@code backon.hedges} meters: from
   * the {@link BackonMicrometer} that records the policy's calls (the auto-configured one, or one a
   * {@code RetryPolicy} bean brought), whose counters a meter filter renaming their tags leaves
   * countable; else, as with a {@code RetryInstrumentation} of the user's, found in the registry by
   * their {@code name} tag.
   */
  @Bean
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  @ConditionalOnMissingBean
  HedgeOutcomeCounts backonHedgeOutcomeCounts(
      MeterRegistry meterRegistry,
      ObjectProvider<BackonMicrometer> backonMicrometer,
      ObjectProvider<RetryPolicyRegistry> policies) {
    return policyName -> {
      BackonMicrometer recorder = recorderOf(policyName, policies, backonMicrometer);
      if (recorder != null) {
        Map<String, Long> counts = new TreeMap<>();
        recorder.hedgeCounts(policyName).forEach((outcome, n) -> counts.put(outcome.tagValue(), n));
        if (!counts.isEmpty()) {
          return counts;
        }
      }
      return countsByTag(meterRegistry, policyName);
    };
  }

  /** The {@link BackonMicrometer} recording the calls of the policy named {@code policyName}. */
  private static @Nullable BackonMicrometer recorderOf(
      String policyName,
      ObjectProvider<RetryPolicyRegistry> policies,
      ObjectProvider<BackonMicrometer> backonMicrometer) {
    RetryPolicyRegistry registry = policies.getIfAvailable();
    if (registry != null
        && registry.names().contains(policyName)
        && registry.policy(policyName).instrumentation() instanceof BackonMicrometer own) {
      return own;
    }
    return backonMicrometer.getIfUnique();
  }

  /** The counts of the {@code backon.hedges} counters tagged {@code name=policyName}. */
  private static Map<String, Long> countsByTag(MeterRegistry meterRegistry, String policyName) {
    Map<String, Long> counts = new TreeMap<>();
    for (Counter counter : meterRegistry.find("backon.hedges").tag("name", policyName).counters()) {
      String outcome = counter.getId().getTag("outcome");
      if (outcome != null) {
        counts.merge(outcome, (long) counter.count(), Long::sum);
      }
    }
    return counts;
  }

  /**
   * Denies the meters a meter observation handler makes from Backon's observations (the {@code
   * backon.call} and {@code backon.attempt} timers and their {@code .active} long-task timers):
   * {@code backon.*} meters tagged {@code backon.policy}, a key Backon's own meters never use.
   */
  @Bean
  MeterFilter backonObservationMeterFilter() {
    String policyKey = LowCardinalityKeys.POLICY.asString();
    return MeterFilter.deny(
        id -> id.getName().startsWith("backon.") && id.getTag(policyKey) != null);
  }
}
