package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.BackonProperties;
import io.backon.spring.boot.autoconfigure.CircuitBreakerProperties;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import io.backon.spring.boot.autoconfigure.MethodPolicies;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.http.HostCircuitBreakers;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Auto-configures the {@code backon} Actuator endpoint (with its web extension for HTTP statuses
 * and the dashboard of {@code backon.dashboard.enabled}), its event history (only while the
 * endpoint is available) and the health contributor when Spring Boot Actuator is present. Each
 * backs off when the application defines its own bean of that type; the endpoint follows the usual
 * exposure rules ({@code management.endpoints.web.exposure.include}, {@code
 * management.endpoints.jmx.exposure.include}) and is read-only unless {@code
 * management.endpoint.backon.access=unrestricted}; the health contributor follows {@code
 * management.health.backon.enabled}.
 */
@AutoConfiguration(after = {BackonAutoConfiguration.class, BackonMetricsAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(RetryPolicyRegistry.class)
@ImportRuntimeHints(BackonDashboard.Hints.class)
public final class BackonActuatorAutoConfiguration {

  /**
   * The event history, only while the endpoint is available: a policy decorator, so it must not
   * depend on the registries the decorators help build.
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint(endpoint = BackonEndpoint.class)
  BackonEventHistory backonEventHistory(BackonProperties properties) {
    int capacity = properties.getEvents().getCapacity();
    if (capacity < 1 || capacity > BackonEventHistory.MAX_CAPACITY) {
      throw new BackonConfigurationException(
          ConfigErrorCode.OUT_OF_RANGE,
          "backon.events.capacity",
          "the value "
              + capacity
              + " is not allowed (capacity must be >= 1 and <= "
              + BackonEventHistory.MAX_CAPACITY
              + ").",
          "set backon.events.capacity to the events to keep per policy, breaker and budget, e.g. 100.");
    }
    return new BackonEventHistory(capacity, Clock.systemUTC());
  }

  /** Watches every breaker in the registry once the context is up (policies' breakers earlier). */
  @Bean
  @ConditionalOnBean(BackonEventHistory.class)
  static SmartInitializingSingleton backonEventHistoryBreakers(
      ObjectProvider<BackonEventHistory> history, ObjectProvider<CircuitBreakerRegistry> breakers) {
    return () ->
        history.ifUnique(
            events -> breakers.ifUnique(registry -> registry.all().forEach(events::watch)));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  BackonEndpoint backonEndpoint(
      RetryPolicyRegistry policies,
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      ObjectProvider<HedgeOutcomeCounts> hedgeCounts,
      ObjectProvider<MethodPolicies> methods,
      ObjectProvider<BackonEventHistory> history,
      ObjectProvider<HostCircuitBreakers> hostBreakers) {
    HedgeOutcomeCounts counts = hedgeCounts.getIfUnique(() -> name -> Map.of());
    HostCircuitBreakers hosts = hostBreakers.getIfUnique();
    return new BackonEndpoint(
        policies,
        breakers,
        budgets,
        counts,
        methods.getIfUnique(MethodPolicies::new),
        history.getIfUnique(),
        hosts == null ? List::of : hosts::all);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(BackonEndpoint.class)
  @ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
  BackonWebEndpointExtension backonWebEndpointExtension(
      BackonEndpoint endpoint, BackonProperties properties) {
    return new BackonWebEndpointExtension(
        endpoint, properties.getDashboard().isEnabled() ? BackonDashboard.load() : null);
  }

  /** The health contributor; needs Spring Boot's health module. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthContributor.class)
  @ConditionalOnEnabledHealthIndicator("backon")
  static final class Health {

    @Bean
    @ConditionalOnMissingBean(name = "backonHealthContributor")
    BackonHealthContributor backonHealthContributor(
        CircuitBreakerRegistry breakers, BackonProperties properties) {
      Set<String> downWhenOpen =
          properties.getCircuitBreakers().entrySet().stream()
              .filter(e -> Boolean.TRUE.equals(effective(properties, e.getValue())))
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      return new BackonHealthContributor(breakers, downWhenOpen);
    }

    private static @org.jspecify.annotations.Nullable Boolean effective(
        BackonProperties properties, CircuitBreakerProperties breaker) {
      Boolean own = breaker.getAffectsHealth();
      return own != null ? own : properties.getCircuitBreakerDefaults().getAffectsHealth();
    }
  }
}
