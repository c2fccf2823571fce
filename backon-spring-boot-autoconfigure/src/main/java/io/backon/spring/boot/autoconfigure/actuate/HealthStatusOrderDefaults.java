package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds {@code CIRCUIT_OPEN} to the default health status order, below {@code UP}, as the lowest
 * precedence property source: an open breaker shows in {@code /actuator/health/backon} without
 * taking the application DOWN. An application that sets {@code
 * management.endpoint.health.status.order} itself keeps its own order.
 */
public final class HealthStatusOrderDefaults implements EnvironmentPostProcessor {

  static final String PROPERTY = "management.endpoint.health.status.order";
  static final String ORDER = "DOWN,OUT_OF_SERVICE,UP,CIRCUIT_OPEN,UNKNOWN";

  /** Registered through {@code META-INF/spring.factories}. */
  public HealthStatusOrderDefaults() {}

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(new MapPropertySource("backonHealthStatusOrder", Map.of(PROPERTY, ORDER)));
  }
}
