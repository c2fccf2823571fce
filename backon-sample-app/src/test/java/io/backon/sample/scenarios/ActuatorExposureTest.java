package io.backon.sample.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Actuator endpoints the README points to: backon, health, metrics, prometheus. */
class ActuatorExposureTest extends RunningSampleApp {

  @Test
  void theBackonEndpointShowsThePoliciesOfApplicationYml() {
    JsonNode policies = json("/actuator/backon", 200).at("/policies");

    assertThat(policies.propertyNames())
        .contains(
            "downstream-retry",
            "downstream-breaker",
            "downstream-hedged",
            "downstream-deadline",
            "downstream-budgeted",
            "downstream-async",
            "downstream-default");
    assertThat(policies.at("/downstream-retry/maxTries").asInt()).isEqualTo(4);
    assertThat(policies.at("/downstream-breaker/circuitBreaker").asString())
        .isEqualTo("downstream");
    assertThat(policies.at("/downstream-hedged/hedging/maxHedges").asInt())
        .as("the same number as max-hedges in application.yml")
        .isEqualTo(2);
    assertThat(policies.at("/downstream-hedged/hedging/delay/delay").asString())
        .isEqualTo("PT0.05S");
    assertThat(policies.at("/downstream-deadline/attemptTimeout").asString()).isEqualTo("PT0.3S");
    assertThat(policies.at("/downstream-deadline/deadline").asString()).isEqualTo("PT1S");
    assertThat(policies.at("/downstream-budgeted/budget").asString()).isEqualTo("downstream");
  }

  @Test
  void anInheritedRetryOnShowsWithItsSource() {
    JsonNode retry = json("/actuator/backon/policies/downstream-retry", 200);

    assertThat(retry.at("/retryOn/0").asString())
        .isEqualTo("org.springframework.web.client.HttpServerErrorException");
    assertThat(retry.at("/sources/retryOn/origin").asString()).isEqualTo("defaults");
    assertThat(retry.at("/sources/retryOn/properties/0").asString())
        .isEqualTo("backon.defaults.retry-on");
    assertThat(retry.at("/sources/maxTries/origin").asString()).isEqualTo("policy");
  }

  @Test
  void theWebClientPolicyRetriesWhatWebClientThrowsAndSaysWhereThatCameFrom() {
    JsonNode async = json("/actuator/backon/policies/downstream-async", 200);

    assertThat(async.at("/retryOn").toString())
        .contains(
            "org.springframework.web.reactive.function.client.WebClientResponseException"
                + "$ServiceUnavailable",
            "org.springframework.web.reactive.function.client.WebClientRequestException")
        .doesNotContain("org.springframework.web.client.");
    assertThat(async.at("/sources/retryOn/origin").asString()).isEqualTo("policy");
    assertThat(async.at("/attemptTimeout").asString()).isEqualTo("PT1S");
  }

  @Test
  void anUnknownPolicyIsA404WithAMessage() {
    assertThat(json("/actuator/backon/policies/nope", 404).at("/message").asString())
        .startsWith("no retry policy named 'nope'");
  }

  @Test
  void healthShowsTheBreakerWithDetails() {
    JsonNode breaker = json("/actuator/health", 200).at("/components/backon/components/downstream");

    assertThat(breaker.at("/status").asString()).isEqualTo("UP");
    assertThat(breaker.at("/details/state").asString()).isEqualTo("CLOSED");
  }

  @Test
  void prometheusCountsBackonCallsAttemptsAndBreakerStates() {
    String retried =
        "backon_calls_seconds_count{exception=\"none\",name=\"downstream-retry\","
            + "outcome=\"success_with_retry\"}";
    String failedAttempts =
        "backon_attempts_total{exception=\"ServiceUnavailable\","
            + "name=\"downstream-retry\",outcome=\"failure\"}";
    String before = prometheus();
    downstreamBehaves(b -> b.failFirst(2));

    run("retry", "metered");

    String after = prometheus();
    assertThat(sample(after, retried) - sample(before, retried)).isEqualTo(1.0);
    assertThat(sample(after, failedAttempts) - sample(before, failedAttempts))
        .as(
            () ->
                after
                    .lines()
                    .filter(l -> l.startsWith("backon_attempts_total"))
                    .toList()
                    .toString())
        .isEqualTo(2.0);
    assertThat(sample(after, "backon_circuitbreaker_state{name=\"downstream\",state=\"closed\"}"))
        .isEqualTo(1.0);
    assertThat(after)
        .contains("backon_budget_tokens{name=\"downstream\"}")
        .contains(
            "backon_attempt_duration_seconds_count{name=\"downstream-retry\",outcome=\"success\"}");
  }

  private String prometheus() {
    return http.get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** The value of the sample line starting with {@code series}, or 0 when absent. */
  private static double sample(String prometheus, String series) {
    return prometheus
        .lines()
        .filter(line -> line.startsWith(series + " "))
        .findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
        .orElse(0.0);
  }

  @Test
  void metricsAndPrometheusAreExposed() {
    run("retry", "counted");

    JsonNode metrics = json("/actuator/metrics", 200);
    String prometheus =
        http.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

    assertThat(metrics.at("/names").toString()).contains("http.server.requests");
    assertThat(prometheus)
        .contains("http_server_requests_seconds_count{")
        .contains("uri=\"/scenarios/{name}\"");
  }
}
