package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The endpoint as a unit: structured settings with their sources, every selector, the write. */
class BackonEndpointTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  BackonAutoConfiguration.class, BackonActuatorAutoConfiguration.class))
          .withPropertyValues(
              "management.endpoints.web.exposure.include=backon",
              "backon.max-hedges-includes-first=true",
              "backon.defaults.retry-on=java.io.IOException",
              "backon.defaults.delay=100ms",
              "backon.policies.payments.max-tries=5",
              "backon.policies.payments.circuit-breaker=payments-api",
              "backon.policies.payments.budget=payments-api",
              "backon.policies.payments.deadline=10s",
              "backon.policies.payments.retry-if=#result == null",
              "backon.policies.reads.extends=payments",
              "backon.policies.reads.hedging.max-hedges=2",
              "backon.policies.reads.hedging.delay=50ms",
              "backon.circuit-breakers.payments-api.failure-threshold=2",
              "backon.budgets.payments-api.max-tokens=20");

  @Test
  void theReportListsPoliciesBreakersAndBudgetsWithTheirResolvedSettings() {
    runner.run(
        context -> {
          BackonReport report = context.getBean(BackonEndpoint.class).report();

          assertThat(report.enabled()).isTrue();
          assertThat(report.policies()).containsOnlyKeys("default", "payments", "reads");
          PolicyDescriptor payments = report.policies().get("payments");
          assertThat(payments.maxTries()).isEqualTo(5);
          assertThat(payments.deadline()).isEqualTo("PT10S");
          assertThat(payments.circuitBreaker()).isEqualTo("payments-api");
          assertThat(payments.budget()).isEqualTo("payments-api");
          assertThat(payments.attemptTimeout()).isNull();
          assertThat(payments.hedging()).isNull();
          assertThat(report.circuitBreakers().get("payments-api").state()).isEqualTo("CLOSED");
          assertThat(report.budgets().get("payments-api").maxTokens()).isEqualTo(20);
          assertThat(report.budgets().get("payments-api").tokens()).isEqualTo(20.0);
        });
  }

  @Test
  void strategiesAndConditionsAreObjectsWithTypedFields() {
    runner.run(
        context -> {
          PolicyDescriptor reads =
              context.getBean(BackonEndpoint.class).report().policies().get("reads");

          assertThat(reads.waitStrategy().keySet())
              .containsExactly("kind", "base", "factor", "max");
          assertThat(reads.waitStrategy())
              .containsEntry("kind", "expo")
              .containsEntry("base", 2.0)
              .containsEntry("factor", "PT0.1S")
              .containsEntry("max", null);
          assertThat(reads.jitter()).containsExactly(Map.entry("kind", "full"));
          assertThat(reads.retryOn()).containsExactly("java.io.IOException");
          assertThat(reads.abortOn()).isEmpty();
          assertThat(reads.retryIf())
              .containsExactly(
                  Map.entry("kind", "expression"), Map.entry("expression", "#result == null"));
          assertThat(reads.retryCondition()).containsEntry("kind", "any");
          assertThat(reads.hedging())
              .isEqualTo(new HedgingDescriptor(2, Map.of("kind", "fixed", "delay", "PT0.05S")));
        });
  }

  @Test
  void eachSettingSaysWhereItCameFrom() {
    runner.run(
        context -> {
          Map<String, SourceDescriptor> sources =
              context.getBean(BackonEndpoint.class).report().policies().get("reads").sources();

          assertThat(sources.get("retryOn"))
              .isEqualTo(new SourceDescriptor("defaults", List.of("backon.defaults.retry-on")));
          assertThat(sources.get("maxTries"))
              .isEqualTo(
                  new SourceDescriptor("extends", List.of("backon.policies.payments.max-tries")));
          assertThat(sources.get("hedging"))
              .isEqualTo(
                  new SourceDescriptor(
                      "policy",
                      List.of(
                          "backon.policies.reads.hedging.max-hedges",
                          "backon.policies.reads.hedging.delay")));
          assertThat(sources.get("attemptTimeout"))
              .isEqualTo(new SourceDescriptor("builtin", List.of()));
        });
  }

  @Test
  void everyKindIsFoundByNameAndAnUnknownOneAnswersAMessage() {
    runner.run(
        context -> {
          BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);

          assertThat(endpoint.entry("policies", "payments")).isInstanceOf(PolicyDescriptor.class);
          assertThat(endpoint.entry("circuit-breakers", "payments-api"))
              .isInstanceOf(CircuitBreakerDescriptor.class);
          assertThat(endpoint.entry("budgets", "payments-api"))
              .isInstanceOf(BudgetDescriptor.class);
          assertThat(endpoint.entry("policies", "nope"))
              .isEqualTo(
                  Map.of(
                      "message",
                      "no retry policy named 'nope' (known: [default, payments, reads])."));
          assertThat(endpoint.entry("budgets", "nope"))
              .isEqualTo(
                  Map.of("message", "no retry budget named 'nope' (known: [payments-api])."));
          assertThat(endpoint.entry("widgets", "x"))
              .isEqualTo(
                  Map.of(
                      "message",
                      "no kind 'widgets' here: use policies, circuit-breakers or budgets."));
        });
  }

  @Test
  void overHttpAnUnknownNameIsA404AndAKnownOneA200() {
    runner.run(
        context -> {
          BackonWebEndpointExtension web = context.getBean(BackonWebEndpointExtension.class);

          assertThat(web.entry("policies", "payments").getStatus()).isEqualTo(200);
          assertThat(web.entry("circuit-breakers", "nope").getStatus()).isEqualTo(404);
          assertThat(web.entry("circuit-breakers", "nope").getBody())
              .isEqualTo(
                  Map.of("message", "no circuit breaker named 'nope' (known: [payments-api])."));
          assertThat(web.entry("budgets", "nope").getStatus()).isEqualTo(404);
        });
  }

  @Test
  void aWriteMovesTheBreakerAndAnUnknownStateIsABadRequest() {
    runner.run(
        context -> {
          BackonWebEndpointExtension web = context.getBean(BackonWebEndpointExtension.class);
          CircuitBreaker breaker =
              context.getBean(CircuitBreakerRegistry.class).find("payments-api").orElseThrow();

          assertThat(web.transition("circuit-breakers", "payments-api", "open").getStatus())
              .isEqualTo(200);
          assertThat(breaker.state()).isEqualTo(CircuitState.FORCED_OPEN);
          web.transition("circuit-breakers", "payments-api", "half-open");
          assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
          web.transition("circuit-breakers", "payments-api", "disabled");
          assertThat(breaker.state()).isEqualTo(CircuitState.DISABLED);
          web.transition("circuit-breakers", "payments-api", "closed");
          assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);

          WebEndpointResponse<Object> bad =
              web.transition("circuit-breakers", "payments-api", "sideways");
          assertThat(bad.getStatus()).isEqualTo(400);
          assertThat(bad.getBody())
              .isEqualTo(
                  Map.of(
                      "message",
                      "state must be one of open, closed, half-open, disabled, reset but was 'sideways'"));
          assertThat(web.transition("circuit-breakers", "nope", "open").getStatus()).isEqualTo(404);
          assertThat(web.transition("policies", "payments", "open").getStatus()).isEqualTo(404);
        });
  }

  @Test
  void anUnmeasuredRateIsNullNeverMinusOne() {
    runner.run(
        context -> {
          CircuitBreakerDescriptor breaker =
              context.getBean(BackonEndpoint.class).report().circuitBreakers().get("payments-api");

          assertThat(breaker.failureRate()).isNull();
          assertThat(breaker.slowCallRate()).isNull();
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
    assertThat(((HealthIndicator) health.getContributor("quiet")).health().getDetails())
        .doesNotContainKeys("failureRate", "slowCallRate");
  }

  private static Status status(BackonHealthContributor health, String name) {
    return ((HealthIndicator) health.getContributor(name)).health().getStatus();
  }

  @Test
  void theEventsOfAPolicyAndOfItsBreakerAreFoundByTheirNames() {
    runner.run(
        context -> {
          BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);
          context
              .getBean(CircuitBreakerRegistry.class)
              .find("payments-api")
              .orElseThrow()
              .forceOpen();

          EventsDescriptor breaker =
              (EventsDescriptor) endpoint.events("events", "payments-api", "transition", null);
          EventsDescriptor policy =
              (EventsDescriptor) endpoint.events("events", "payments", null, 0L);

          assertThat(breaker.capacity()).isEqualTo(BackonEventHistory.DEFAULT_CAPACITY);
          assertThat(breaker.latest()).isEqualTo(1);
          assertThat(breaker.events())
              .singleElement()
              .satisfies(
                  event ->
                      assertThat(event)
                          .containsEntry("kind", "transition")
                          .containsEntry("source", "circuit-breaker")
                          .containsEntry("from", "CLOSED")
                          .containsEntry("to", "FORCED_OPEN"));
          assertThat(policy.events()).as("a known policy without events").isEmpty();
        });
  }

  @Test
  void anEndpointWithoutAHistoryAndTheDashboardWhenOffAnswerWhatToDo() {
    runner.run(
        context -> {
          BackonEndpoint bare =
              new BackonEndpoint(
                  context.getBean(RetryPolicyRegistry.class),
                  context.getBean(CircuitBreakerRegistry.class),
                  context.getBean(RetryBudgetRegistry.class));
          BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);

          assertThat(bare.history("events", null, null, null))
              .isEqualTo(
                  Answer.notFound("no event history: this endpoint was created without one."));
          assertThat(endpoint.history("dashboard", null, null, null).body())
              .isEqualTo(
                  Map.of(
                      "message",
                      "the dashboard is off: set backon.dashboard.enabled=true (it needs the endpoint exposed"
                          + " over HTTP)."));
        });
  }
}
