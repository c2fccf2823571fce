package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The endpoint over HTTP with the write operation granted (management.endpoint.backon.access). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ActuatorHttpTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=health,backon",
      "management.endpoint.backon.access=unrestricted",
      "management.endpoint.health.show-details=always",
      "backon.budgets.payments-api.max-tokens=20",
      "backon.policies.payments.budget=payments-api",
      "backon.policies.payments.circuit-breaker=payments-api",
      "backon.circuit-breakers.payments-api.failure-threshold=2",
      "backon.circuit-breakers.critical.affects-health=true"
    })
class ActuatorHttpTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  @AfterEach
  void closeBreakers() {
    breakers.all().forEach(b -> b.reset());
  }

  @Test
  void getBackonShowsPoliciesBreakersAndBudgets() throws Exception {
    HttpResponse<String> response = get("/actuator/backon");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"payments\"")
        .contains("\"circuitBreaker\":\"payments-api\"")
        .contains("\"payments-api\":{\"state\":\"CLOSED\"");
  }

  @Test
  void everySelectorAnswersOverHttp() throws Exception {
    assertThat(
            JSON.readTree(get("/actuator/backon/circuit-breakers/payments-api").body())
                .at("/state")
                .asString())
        .isEqualTo("CLOSED");
    assertThat(
            JSON.readTree(get("/actuator/backon/policies/payments").body())
                .at("/circuitBreaker")
                .asString())
        .isEqualTo("payments-api");
    assertThat(
            JSON.readTree(get("/actuator/backon/budgets/payments-api").body())
                .at("/maxTokens")
                .asInt())
        .isEqualTo(20);
  }

  @Test
  void anUnknownNameOrKindIsA404WithAJsonMessage() throws Exception {
    for (String path :
        new String[] {
          "/actuator/backon/circuit-breakers/nope",
          "/actuator/backon/policies/nope",
          "/actuator/backon/budgets/nope",
          "/actuator/backon/widgets/x"
        }) {
      HttpResponse<String> response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValueSatisfying(type -> assertThat(type).contains("json"));
      assertThat(JSON.readTree(response.body()).at("/message").asString())
          .as(path)
          .startsWith("no ");
    }
  }

  @Test
  void anUnmeasuredRateIsNullInTheJson() throws Exception {
    JsonNode breaker = JSON.readTree(get("/actuator/backon/circuit-breakers/payments-api").body());

    assertThat(breaker.has("failureRate")).isTrue();
    assertThat(breaker.get("failureRate").isNull()).isTrue();
  }

  @Test
  void aPostOpensTheBreakerAndHealthShowsCircuitOpenWhileTheAppStaysUp() throws Exception {
    HttpResponse<String> opened =
        post("/actuator/backon/circuit-breakers/payments-api", "{\"state\":\"open\"}");
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("\"state\":\"FORCED_OPEN\"");

    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(health.body());
    assertThat(json.at("/status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/backon/status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/backon/components/payments-api/status").asString())
        .isEqualTo("CIRCUIT_OPEN");
    assertThat(json.at("/components/backon/components/payments-api/details/state").asString())
        .isEqualTo("FORCED_OPEN");
    assertThat(
            JSON.readTree(get("/actuator/health/backon/payments-api").body())
                .at("/status")
                .asString())
        .isEqualTo("CIRCUIT_OPEN");
  }

  @Test
  void aBreakerThatAffectsHealthTakesTheApplicationDown() throws Exception {
    post("/actuator/backon/circuit-breakers/critical", "{\"state\":\"open\"}");

    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    JsonNode json = JSON.readTree(health.body());
    assertThat(json.at("/status").asString()).isEqualTo("DOWN");
    assertThat(json.at("/components/backon/components/critical/status").asString())
        .isEqualTo("DOWN");
  }

  @Test
  void anUnknownStateIsABadRequestWithAMessage() throws Exception {
    HttpResponse<String> response =
        post("/actuator/backon/circuit-breakers/payments-api", "{\"state\":\"sideways\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).at("/message").asString())
        .isEqualTo(
            "state must be one of open, closed, half-open, disabled, reset but was 'sideways'");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
