package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Actuator endpoints the README points to: backon, health, metrics, prometheus. */
class ActuatorExposureTest extends RunningSampleApp {

  @Test
  void theBackonEndpointShowsThePoliciesOfApplicationYml() {
    JsonNode policies = json("/actuator/backon", 200).at("/policies");

    assertThat(policies.propertyNames()).contains("downstream-retry", "downstream-breaker",
        "downstream-hedged", "downstream-deadline", "downstream-budgeted", "downstream-async",
        "downstream-default");
    assertThat(policies.at("/downstream-retry/maxTries").asInt()).isEqualTo(4);
    assertThat(policies.at("/downstream-breaker/circuitBreaker").asString()).isEqualTo("downstream");
    assertThat(policies.at("/downstream-hedged/hedging").asString()).contains("PT0.05S");
    assertThat(policies.at("/downstream-deadline/attemptTimeout").asString()).isEqualTo("PT0.3S");
    assertThat(policies.at("/downstream-deadline/deadline").asString()).isEqualTo("PT1S");
    assertThat(policies.at("/downstream-budgeted/budget").asString()).isEqualTo("downstream");
  }

  @Test
  void healthShowsTheBreakerWithDetails() {
    JsonNode breaker = json("/actuator/health", 200).at("/components/backon/components/downstream");

    assertThat(breaker.at("/status").asString()).isEqualTo("UP");
    assertThat(breaker.at("/details/state").asString()).isEqualTo("CLOSED");
  }

  @Test
  void metricsAndPrometheusAreExposed() {
    run("retry", "counted");

    JsonNode metrics = json("/actuator/metrics", 200);
    String prometheus = http.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();

    assertThat(metrics.at("/names").toString()).contains("http.server.requests");
    assertThat(prometheus).contains("http_server_requests_seconds_count{")
        .contains("uri=\"/scenarios/{name}\"");
  }
}
