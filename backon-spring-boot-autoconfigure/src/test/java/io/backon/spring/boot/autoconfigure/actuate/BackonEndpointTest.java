package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BackonEndpointTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
      .withPropertyValues("backon.policies.payments.max-tries=5",
          "backon.policies.payments.circuit-breaker=payments-api",
          "backon.policies.payments.budget=payments-api",
          "backon.policies.payments.deadline=10s",
          "backon.circuit-breakers.payments-api.failure-threshold=2",
          "backon.budgets.payments-api.max-tokens=20");

  @Test
  void theReportListsPoliciesBreakersAndBudgetsWithTheirResolvedSettings() {
    runner.run(context -> {
      BackonReport report = endpoint(context).report();

      assertThat(report.enabled()).isTrue();
      assertThat(report.policies()).containsOnlyKeys("default", "payments");
      PolicyDescriptor payments = report.policies().get("payments");
      assertThat(payments.maxTries()).isEqualTo(5);
      assertThat(payments.deadline()).isEqualTo("PT10S");
      assertThat(payments.circuitBreaker()).isEqualTo("payments-api");
      assertThat(payments.budget()).isEqualTo("payments-api");
      assertThat(payments.attemptTimeout()).isNull();
      assertThat(report.circuitBreakers().get("payments-api").state()).isEqualTo("CLOSED");
      assertThat(report.budgets().get("payments-api").maxTokens()).isEqualTo(20);
      assertThat(report.budgets().get("payments-api").tokens()).isEqualTo(20.0);
    });
  }

  @Test
  void oneBreakerIsFoundByNameAndAnUnknownOneIsNotFound() {
    runner.run(context -> {
      BackonEndpoint endpoint = endpoint(context);

      assertThat(endpoint.circuitBreaker("circuit-breakers", "payments-api").getStatus()).isEqualTo(200);
      assertThat(endpoint.circuitBreaker("circuit-breakers", "nope").getStatus()).isEqualTo(404);
      assertThat(endpoint.circuitBreaker("budgets", "payments-api").getStatus()).isEqualTo(404);
    });
  }

  @Test
  void aWriteMovesTheBreakerAndAnUnknownStateIsABadRequest() {
    runner.run(context -> {
      BackonEndpoint endpoint = endpoint(context);
      CircuitBreaker breaker = context.getBean(CircuitBreakerRegistry.class).find("payments-api").orElseThrow();

      assertThat(endpoint.transition("circuit-breakers", "payments-api", "open").getStatus()).isEqualTo(200);
      assertThat(breaker.state()).isEqualTo(CircuitState.FORCED_OPEN);
      endpoint.transition("circuit-breakers", "payments-api", "half-open");
      assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
      endpoint.transition("circuit-breakers", "payments-api", "disabled");
      assertThat(breaker.state()).isEqualTo(CircuitState.DISABLED);
      endpoint.transition("circuit-breakers", "payments-api", "closed");
      assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

      WebEndpointResponse<Object> bad = endpoint.transition("circuit-breakers", "payments-api", "sideways");
      assertThat(bad.getStatus()).isEqualTo(400);
      assertThat(bad.getBody()).isEqualTo(Map.of("error",
          "state must be one of open, closed, half-open, disabled, reset but was 'sideways'"));
      assertThat(endpoint.transition("circuit-breakers", "nope", "open").getStatus()).isEqualTo(404);
    });
  }

  @Test
  void anOpenBreakerIsCircuitOpenUnlessItAffectsHealth() {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    CircuitBreaker quiet = registry.breaker("quiet");
    CircuitBreaker loud = registry.breaker("loud");
    BackonHealthContributor health = new BackonHealthContributor(registry, Set.of("loud"));

    assertThat(status(health, "quiet")).isEqualTo(Status.UP);
    quiet.forceOpen();
    loud.forceOpen();

    assertThat(status(health, "quiet")).isEqualTo(BackonHealthContributor.CIRCUIT_OPEN);
    assertThat(status(health, "loud")).isEqualTo(Status.DOWN);
    assertThat(health.getContributor("missing")).isNull();
    assertThat(health.stream().map(e -> e.name())).containsExactly("loud", "quiet");
  }

  private static Status status(BackonHealthContributor health, String name) {
    return ((HealthIndicator) health.getContributor(name)).health().getStatus();
  }

  private static BackonEndpoint endpoint(org.springframework.context.ApplicationContext context) {
    return new BackonEndpoint(context.getBean(RetryPolicyRegistry.class),
        context.getBean(CircuitBreakerRegistry.class), context.getBean(RetryBudgetRegistry.class));
  }
}
