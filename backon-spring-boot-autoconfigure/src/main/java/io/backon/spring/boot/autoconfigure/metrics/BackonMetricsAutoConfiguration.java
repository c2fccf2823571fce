package io.backon.spring.boot.autoconfigure.metrics;

import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.instrumentation.RetryInstrumentation;
import io.backon.micrometer.BackonMicrometer;
import io.backon.micrometer.CircuitBreakerMetrics;
import io.backon.micrometer.RetryBudgetMetrics;
import io.backon.spring.boot.autoconfigure.actuate.HedgeOutcomeCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures Backon's Micrometer instrumentation: a {@link BackonMicrometer} (the {@link
 * RetryInstrumentation} every policy gets, including {@code RetryPolicy} beans without one), a
 * {@link MeterBinder} for the breakers and budgets, and — when an {@link ObservationRegistry} is
 * present — a {@code backon.call} observation per call with a {@code backon.attempt} child per
 * attempt. The observation handler's duplicate {@code backon.call}/{@code backon.attempt} timers
 * are filtered out, since {@code backon.calls} and {@code backon.attempt.duration} measure the same.
 * A user-defined {@code RetryInstrumentation} bean replaces Backon's.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, BackonMicrometer.class})
@ConditionalOnBean(MeterRegistry.class)
public final class BackonMetricsAutoConfiguration {

  /** The observation handler's timers that would duplicate Backon's own meters. */
  static final Set<String> OBSERVATION_TIMERS =
      Set.of("backon.call", "backon.call.active", "backon.attempt", "backon.attempt.active");

  @Bean
  @ConditionalOnMissingBean(RetryInstrumentation.class)
  BackonMicrometer backonMicrometer(MeterRegistry meterRegistry,
      ObjectProvider<ObservationRegistry> observationRegistry) {
    ObservationRegistry observations = observationRegistry.getIfUnique();
    return observations == null || observations.isNoop() ? BackonMicrometer.of(meterRegistry)
        : BackonMicrometer.of(meterRegistry, observations);
  }

  @Bean
  @ConditionalOnMissingBean(name = "backonMeterBinder")
  MeterBinder backonMeterBinder(CircuitBreakerRegistry breakers, RetryBudgetRegistry budgets) {
    return registry -> {
      CircuitBreakerMetrics.of(breakers).bindTo(registry);
      RetryBudgetMetrics.of(budgets.all().toArray(RetryBudget[]::new)).bindTo(registry);
    };
  }

  /** Hedging counts for {@code /actuator/backon}, read from the {@code backon.hedges} meters. */
  @Bean
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  @ConditionalOnMissingBean
  HedgeOutcomeCounts backonHedgeOutcomeCounts(MeterRegistry meterRegistry) {
    return policyName -> {
      Map<String, Long> counts = new TreeMap<>();
      for (Counter counter : meterRegistry.find("backon.hedges").tag("name", policyName).counters()) {
        String outcome = counter.getId().getTag("outcome");
        if (outcome != null) {
          counts.merge(outcome, (long) counter.count(), Long::sum);
        }
      }
      return counts;
    };
  }

  @Bean
  MeterFilter backonObservationTimerFilter() {
    return MeterFilter.deny(id -> OBSERVATION_TIMERS.contains(id.getName()));
  }
}
