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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ActuatorHttpTest.App.class,
    properties = {
        "management.endpoints.web.exposure.include=health,backon",
        "management.endpoint.health.show-details=always",
        "backon.policies.payments.circuit-breaker=payments-api",
        "backon.circuit-breakers.payments-api.failure-threshold=2",
        "backon.circuit-breakers.critical.affects-health=true"})
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
    assertThat(response.body()).contains("\"payments\"").contains("\"circuitBreaker\":\"payments-api\"")
        .contains("\"payments-api\":{\"state\":\"CLOSED\"");
  }

  @Test
  void oneBreakerOverHttpAnd404ForAnUnknownOne() throws Exception {
    assertThat(get("/actuator/backon/circuit-breakers/payments-api").body()).contains("\"state\":\"CLOSED\"");
    assertThat(get("/actuator/backon/circuit-breakers/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void aPostOpensTheBreakerAndHealthShowsCircuitOpenWhileTheAppStaysUp() throws Exception {
    HttpResponse<String> opened = post("/actuator/backon/circuit-breakers/payments-api", "{\"state\":\"open\"}");
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.body()).contains("\"state\":\"FORCED_OPEN\"");

    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(health.body());
    assertThat(json.at("/status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/backon/status").asString()).isEqualTo("UP");
    assertThat(json.at("/components/backon/components/payments-api/status").asString()).isEqualTo("CIRCUIT_OPEN");
    assertThat(json.at("/components/backon/components/payments-api/details/state").asString()).isEqualTo("FORCED_OPEN");
    assertThat(JSON.readTree(get("/actuator/health/backon/payments-api").body()).at("/status").asString())
        .isEqualTo("CIRCUIT_OPEN");
  }

  @Test
  void aBreakerThatAffectsHealthTakesTheApplicationDown() throws Exception {
    post("/actuator/backon/circuit-breakers/critical", "{\"state\":\"open\"}");

    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(503);
    JsonNode json = JSON.readTree(health.body());
    assertThat(json.at("/status").asString()).isEqualTo("DOWN");
    assertThat(json.at("/components/backon/components/critical/status").asString()).isEqualTo("DOWN");
  }

  @Test
  void anUnknownStateIsABadRequestWithAMessage() throws Exception {
    HttpResponse<String> response = post("/actuator/backon/circuit-breakers/payments-api", "{\"state\":\"sideways\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("state must be one of open, closed, half-open, disabled, reset but was 'sideways'");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
