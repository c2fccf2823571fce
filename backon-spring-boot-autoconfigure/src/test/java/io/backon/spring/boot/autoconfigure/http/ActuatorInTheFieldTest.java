package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What an operator does over HTTP during an incident in the field configuration: reads each
 * downstream host's breaker in {@code /actuator/backon}, forces a host open and closes it again
 * with a {@code POST}, and follows the retries and give-ups of HTTP calls in the event history.
 */
@SpringBootTest(
    classes = FieldApp.class,
    properties = FieldApp.CONFIG,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorInTheFieldTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LoopbackServer server = LoopbackServer.start();

  @Autowired RestClient.Builder builder;
  @LocalServerPort int port;

  @AfterEach
  void stopServer() {
    server.close();
  }

  private String host() {
    return "127.0.0.1:" + server.port();
  }

  private FieldApp.Actuator actuator() {
    return new FieldApp.Actuator(port);
  }

  @Test
  void anOperatorForcesAHostOpenOverHttpAndClosesItAgain() {
    RestClient client = builder.build();
    assertThat(client.get().uri(server.uri("/quote")).retrieve().body(String.class))
        .isEqualTo("status 200");
    assertThat(json(actuator().get("/actuator/backon")).at("/hostCircuitBreakers").has(host()))
        .isTrue();

    HttpResponse<String> forced =
        actuator().post("/actuator/backon/circuit-breakers/" + host(), "{\"state\":\"open\"}");

    assertThat(forced.statusCode()).isEqualTo(200);
    assertThat(json(forced).at("/state").asString()).isEqualTo("FORCED_OPEN");
    assertThat(
            json(actuator().get("/actuator/backon/circuit-breakers/" + host()))
                .at("/state")
                .asString())
        .isEqualTo("FORCED_OPEN");
    assertThatThrownBy(() -> client.get().uri(server.uri("/quote")).retrieve().body(String.class))
        .isInstanceOf(CircuitOpenException.class);
    assertThat(server.hits("/quote")).isEqualTo(1);

    HttpResponse<String> closed =
        actuator().post("/actuator/backon/circuit-breakers/" + host(), "{\"state\":\"closed\"}");

    assertThat(json(closed).at("/state").asString()).isEqualTo("CLOSED");
    assertThat(client.get().uri(server.uri("/quote")).retrieve().body(String.class))
        .isEqualTo("status 200");
    assertThat(server.hits("/quote")).isEqualTo(2);
  }

  @Test
  void retriesAndGiveUpsOfHttpCallsAreInTheEventHistory() {
    server.script("/quote", Answer.of(503), Answer.of(200));
    server.script("/down", Answer.of(502));
    RestClient client = builder.build();
    long since = json(actuator().get("/actuator/backon/events")).at("/latest").asLong();

    client.get().uri(server.uri("/quote")).retrieve().toBodilessEntity();
    assertThatThrownBy(() -> client.get().uri(server.uri("/down")).retrieve().toBodilessEntity())
        .isInstanceOf(org.springframework.web.client.HttpServerErrorException.BadGateway.class);

    JsonNode events =
        json(actuator().get("/actuator/backon/events?name=http&since=" + since)).at("/events");
    assertThat(events.size()).isEqualTo(4);
    assertThat(events.get(0).at("/kind").asString()).isEqualTo("retry");
    assertThat(events.get(0).at("/attempt").asInt()).isEqualTo(1);
    assertThat(events.get(0).at("/exception").asString()).isEqualTo("HttpStatusException");
    assertThat(events.get(3).at("/kind").asString()).isEqualTo("give-up");
    assertThat(events.get(3).at("/attempt").asInt()).isEqualTo(3);
    assertThat(events.get(3).at("/reason").asString()).isEqualTo("MAX_TRIES");
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
