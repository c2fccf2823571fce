package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code backon} health contributor: one indicator per circuit breaker ({@code
 * /actuator/health/backon/<name>}), including breakers created after startup. CLOSED, HALF_OPEN and
 * DISABLED breakers are {@code UP}; an OPEN or FORCED_OPEN one is {@link #CIRCUIT_OPEN}, which
 * ranks below {@code UP} in the default status order Backon contributes, so the application stays
 * UP — unless the breaker is listed in {@code downWhenOpen} ({@code affects-health: true}), which
 * makes it {@code DOWN}. Thread-safe.
 */
public final class BackonHealthContributor implements CompositeHealthContributor {

  /** The status of an open breaker that does not affect the application's health. */
  public static final Status CIRCUIT_OPEN =
      new Status("CIRCUIT_OPEN", "the circuit breaker is open");

  private final CircuitBreakerRegistry breakers;
  private final Set<String> downWhenOpen;

  /**
   * @param breakers the breakers to report
   * @param downWhenOpen names of the breakers whose OPEN state reports DOWN
   */
  public BackonHealthContributor(CircuitBreakerRegistry breakers, Set<String> downWhenOpen) {
    this.breakers = breakers;
    this.downWhenOpen = Set.copyOf(downWhenOpen);
  }

  @Override
  public @Nullable HealthContributor getContributor(String name) {
    return breakers.find(name).map(this::indicator).orElse(null);
  }

  @Override
  public Stream<HealthContributors.Entry> stream() {
    return breakers.all().stream()
        .sorted(Comparator.comparing(CircuitBreaker::name))
        .map(b -> new HealthContributors.Entry(b.name(), indicator(b)));
  }

  private HealthIndicator indicator(CircuitBreaker breaker) {
    return () -> health(breaker);
  }

  Health health(CircuitBreaker breaker) {
    CircuitBreakerDescriptor d = CircuitBreakerDescriptor.of(breaker);
    CircuitState state = CircuitState.valueOf(d.state());
    boolean open = state == CircuitState.OPEN || state == CircuitState.FORCED_OPEN;
    Health.Builder builder =
        !open
            ? Health.up()
            : downWhenOpen.contains(breaker.name()) ? Health.down() : Health.status(CIRCUIT_OPEN);
    builder.withDetail("state", d.state());
    // a rate that is not measured is left out rather than shown as -1 or NaN
    Double failureRate = d.failureRate();
    Double slowCallRate = d.slowCallRate();
    if (failureRate != null) {
      builder.withDetail("failureRate", failureRate);
    }
    if (slowCallRate != null) {
      builder.withDetail("slowCallRate", slowCallRate);
    }
    return builder
        .withDetail("bufferedCalls", d.bufferedCalls())
        .withDetail("failedCalls", d.failedCalls())
        .withDetail("consecutiveFailures", d.consecutiveFailures())
        .withDetail("rejectedCalls", d.rejectedCalls())
        .build();
  }
}
