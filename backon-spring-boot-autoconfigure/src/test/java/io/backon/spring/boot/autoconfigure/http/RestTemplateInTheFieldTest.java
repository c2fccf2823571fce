package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * A {@code RestTemplate} from Spring Boot's {@link RestTemplateBuilder} (on the Apache HttpClient 5
 * Boot picks) in the field configuration: transient statuses are retried under the named policy
 * with its jittered waits and the user's listeners, {@code Retry-After} replaces the wait, a {@code
 * POST} is sent again only with an idempotency key, other statuses are answered at once, and each
 * host's breaker counts failed answers. Every test talks to a server of its own, so to a breaker of
 * its own.
 */
@SpringBootTest(
    classes = FieldApp.class,
    properties = FieldApp.CONFIG,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestTemplateInTheFieldTest {

  private final LoopbackServer server = LoopbackServer.start();

  @Autowired RestTemplateBuilder builder;
  @Autowired FieldApp.Recorder recorder;

  @AfterEach
  void stopServer() {
    server.close();
  }

  private String host() {
    return "127.0.0.1:" + server.port();
  }

  @Test
  void aGetFailingWithTwoTransientStatusesSucceedsOnItsThirdRequest() {
    server.script(
        "/quote", Answer.of(503), Answer.of(502), new Answer(200, java.util.Map.of(), "42"));
    RestTemplate rest = builder.build();

    ResponseEntity<String> quote = rest.getForEntity(server.uri("/quote"), String.class);

    assertThat(quote.getBody()).isEqualTo("42");
    assertThat(server.hits("/quote")).isEqualTo(3);
    assertThat(recorder.eventsOf("GET " + host()))
        .extracting(RetryEvent::type, RetryEvent::policyName, RetryEvent::attemptNumber)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EventType.BACKOFF, "http", 1),
            org.assertj.core.groups.Tuple.tuple(EventType.BACKOFF, "http", 2));
    // expo from 10 ms with full jitter: the first wait within [0, 10 ms], the second [0, 20 ms]
    assertThat(recorder.eventsOf("GET " + host()))
        .extracting(RetryEvent::waitDuration)
        .satisfiesExactly(
            first -> assertThat(first).isBetween(Duration.ZERO, Duration.ofMillis(10)),
            second -> assertThat(second).isBetween(Duration.ZERO, Duration.ofMillis(20)));
  }

  @Test
  void aGetThatKeepsFailingGivesUpWithTheServersLastAnswer() {
    server.script("/quote", Answer.of(502), new Answer(503, java.util.Map.of(), "busy"));
    RestTemplate rest = builder.build();

    assertThatThrownBy(() -> rest.getForObject(server.uri("/quote"), String.class))
        .isInstanceOfSatisfying(
            HttpServerErrorException.ServiceUnavailable.class,
            e -> assertThat(e.getResponseBodyAsString()).isEqualTo("busy"));
    assertThat(server.hits("/quote")).isEqualTo(3);
    assertThat(recorder.eventsOf("GET " + host()))
        .extracting(RetryEvent::type)
        .containsExactly(EventType.BACKOFF, EventType.BACKOFF, EventType.GIVE_UP);
  }

  @Test
  void aPostWithoutAnIdempotencyKeyIsSentOnce() {
    server.script("/orders", Answer.of(503), Answer.of(201));
    RestTemplate rest = builder.build();

    assertThatThrownBy(() -> rest.postForEntity(server.uri("/orders"), "order", String.class))
        .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);
    assertThat(server.hits("/orders")).isEqualTo(1);
  }

  @Test
  void aPostWithAnIdempotencyKeyIsRetried() {
    server.script("/orders", Answer.of(503), Answer.of(201));
    RestTemplate rest = builder.build();
    HttpHeaders headers = new HttpHeaders();
    headers.add("Idempotency-Key", "order-7");

    ResponseEntity<String> created =
        rest.postForEntity(server.uri("/orders"), new HttpEntity<>("order", headers), String.class);

    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(server.hits("/orders")).isEqualTo(2);
  }

  @Test
  void aClientErrorIsAnsweredAtOnce() {
    server.script("/quote", Answer.of(404), Answer.of(200));
    RestTemplate rest = builder.build();

    assertThatThrownBy(() -> rest.getForObject(server.uri("/quote"), String.class))
        .isInstanceOf(HttpClientErrorException.NotFound.class);
    assertThat(server.hits("/quote")).isEqualTo(1);
  }

  @Test
  void serverErrorsThatAreNotRetriedStillOpenTheHostsBreaker() {
    server.script("/quote", Answer.of(500));
    RestTemplate rest = builder.build();

    for (int call = 0; call < 3; call++) {
      assertThatThrownBy(() -> rest.getForObject(server.uri("/quote"), String.class))
          .isInstanceOf(HttpServerErrorException.InternalServerError.class);
    }
    assertThatThrownBy(() -> rest.getForObject(server.uri("/quote"), String.class))
        .isInstanceOfSatisfying(
            CircuitOpenException.class, open -> assertThat(open.breakerName()).isEqualTo(host()));
    assertThat(server.hits("/quote")).isEqualTo(3);
  }

  @Test
  void retryAfterReplacesTheJitteredWaitAndApacheDoesNotResendByItself() {
    server.script("/quote", Answer.retryAfter(503, "3"), Answer.of(200));
    RestTemplate rest = builder.build();

    assertThat(rest.getForObject(server.uri("/quote"), String.class)).isEqualTo("status 200");

    assertThat(server.hits("/quote")).isEqualTo(2);
    assertThat(recorder.eventsOf("GET " + host()))
        .singleElement()
        .extracting(RetryEvent::waitDuration)
        .isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRetryAfterAboveTheCapEndsTheCallWithThatAnswer() {
    server.script("/quote", Answer.retryAfter(503, "6"), Answer.of(200));
    RestTemplate rest = builder.build();

    assertThatThrownBy(() -> rest.getForObject(server.uri("/quote"), String.class))
        .isInstanceOfSatisfying(
            HttpServerErrorException.ServiceUnavailable.class,
            e -> assertThat(e.getResponseHeaders().getFirst("Retry-After")).isEqualTo("6"));
    assertThat(server.hits("/quote")).isEqualTo(1);
  }
}
