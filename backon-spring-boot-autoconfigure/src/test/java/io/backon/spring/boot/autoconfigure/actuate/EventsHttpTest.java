package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /actuator/backon/events} over HTTP: the events of real calls, filtered by name and
 * kind, a {@code since} cursor for polling, and JSON messages for an unknown kind or name.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = EventsHttpTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=backon",
      "backon.events.capacity=5",
      "backon.policies.payments.max-tries=3",
      "backon.policies.payments.circuit-breaker=payments-api",
      "backon.circuit-breakers.payments-api.failure-threshold=2",
      "backon.policies.search.max-tries=2"
    })
@DirtiesContext
class EventsHttpTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired RetryPolicyRegistry policies;
  @Autowired CircuitBreakerRegistry breakers;

  @Test
  void aRetriedCallAGiveUpAndAnOpeningBreakerShowAsEventsFilteredByNameAndKind() throws Exception {
    long before = events("").at("/latest").asLong();
    failOnce(policies.retrying("search"));
    assertThatThrownBy(
            () ->
                policies
                    .retrying("payments")
                    .call(
                        () -> {
                          throw new IOException("down");
                        }))
        .isInstanceOf(CircuitOpenException.class);

    JsonNode retries = events("?name=search&kind=retry&since=" + before);
    JsonNode payments = events("?name=payments&since=" + before);
    JsonNode breaker = events("?name=payments-api&kind=transition&since=" + before);

    assertThat(retries.at("/capacity").asInt()).isEqualTo(5);
    assertThat(retries.at("/events").size()).isEqualTo(1);
    assertThat(retries.at("/events/0/attempt").asInt()).isEqualTo(1);
    assertThat(retries.at("/events/0/exception").asString()).isEqualTo("IOException");
    assertThat(retries.at("/events/0/wait").asString()).isEqualTo("PT0S");
    assertThat(payments.at("/events").findValuesAsString("kind"))
        .as("the breaker opened at the second failure and rejected the third attempt")
        .containsExactly("retry", "retry", "give-up");
    assertThat(payments.at("/events/2/reason").asString()).isEqualTo("NOT_RETRYABLE");
    assertThat(payments.at("/events/2/exception").asString()).isEqualTo("CircuitOpenException");
    assertThat(breaker.at("/events/0/from").asString()).isEqualTo("CLOSED");
    assertThat(breaker.at("/events/0/to").asString()).isEqualTo("OPEN");
    breakers.all().forEach(b -> b.reset());
  }

  @Test
  void theLatestIdIsTheCursorOfTheNextPoll() throws Exception {
    failOnce(policies.retrying("search"));
    long latest = events("").at("/latest").asLong();

    assertThat(events("?since=" + latest).at("/events").size()).isZero();
    failOnce(policies.retrying("search"));
    JsonNode next = events("?since=" + latest);
    assertThat(next.at("/events").size()).isEqualTo(1);
    assertThat(next.at("/events/0/id").asLong()).isEqualTo(latest + 1);
  }

  @Test
  void anUnknownKindIsA400AndAnUnknownNameA404WithAMessage() throws Exception {
    HttpResponse<String> kind = get("/actuator/backon/events?kind=sideways");
    HttpResponse<String> name = get("/actuator/backon/events?name=nope");
    HttpResponse<String> section = get("/actuator/backon/widgets");

    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(kind.body()).at("/message").asString())
        .isEqualTo(
            "kind must be one of retry, give-up, hedge, transition, budget-refusal but was 'sideways'");
    assertThat(name.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(name.body()).at("/message").asString())
        .startsWith("no policy, circuit breaker or retry budget named 'nope' (known: [");
    assertThat(section.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(section.body()).at("/message").asString())
        .startsWith("nothing at 'widgets'");
  }

  @Test
  void theDashboardIsNotServedUnlessTurnedOn() throws Exception {
    assertThat(get("/actuator/backon/dashboard").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/backon/dashboard/dashboard.js").statusCode()).isEqualTo(404);
  }

  private static void failOnce(Retrying retrying) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    retrying.call(
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw new IOException("down");
          }
          return "ok";
        });
  }

  private JsonNode events(String query) throws Exception {
    HttpResponse<String> response = get("/actuator/backon/events" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
