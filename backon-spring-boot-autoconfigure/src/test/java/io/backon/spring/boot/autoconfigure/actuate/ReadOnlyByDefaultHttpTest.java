package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forcing a breaker open or disabled can take a dependency down or switch its protection off, so
 * the endpoint is read-only until management.endpoint.backon.access=unrestricted grants the write
 * (ActuatorHttpTest shows the granted POST).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ReadOnlyByDefaultHttpTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=backon",
      "backon.circuit-breakers.payments-api.failure-threshold=2"
    })
class ReadOnlyByDefaultHttpTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  @Test
  void aPostThatWouldForceABreakerOpenIsRefusedAndTheBreakerStaysClosed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/actuator/backon/circuit-breakers/payments-api"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"state\":\"open\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(breakers.find("payments-api").orElseThrow().state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void readsStillWork() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/actuator/backon/circuit-breakers/payments-api")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"state\":\"CLOSED\"");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
