package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The policy's attempt timeout and deadline bound the requests of an HTTP call in the field
 * configuration, on each client Spring Boot builds: a downstream that hangs on the first request is
 * given up on after the timeout and the retry gets the answer; one that hangs on every request ends
 * the call at its deadline. On Apache HttpClient, whose blocking reads ignore the interrupt
 * Backon's timeouts send, the request is aborted. The downstream really hangs (it is the only real
 * time here); the bounds are generous.
 */
@SpringBootTest(
    classes = FieldApp.class,
    properties = FieldApp.CONFIG,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttemptTimeoutInTheFieldTest {

  /** How long the downstream hangs: well beyond the policy's 500 ms attempt timeout. */
  private static final Duration HANG = Duration.ofSeconds(6);

  private final LoopbackServer server = LoopbackServer.start();

  @Autowired RestClient.Builder restClients;
  @Autowired RestTemplateBuilder restTemplates;
  @Autowired FieldApp.Recorder recorder;

  @AfterEach
  void stopServer() {
    server.close();
  }

  private void hangOnTheFirstRequest() {
    AtomicInteger requests = new AtomicInteger();
    server.handle(
        "/hang",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (requests.incrementAndGet() == 1) {
            try {
              Thread.sleep(HANG.toMillis());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          LoopbackServer.reply(exchange, Answer.of(200));
        });
  }

  @Test
  void aHangingRequestOfRestClientOnApacheIsCutAtTheAttemptTimeout() {
    hangOnTheFirstRequest();
    RestClient client = restClients.build();

    long start = System.nanoTime();
    String body =
        client
            .get()
            .uri(server.uri("/hang"))
            .attribute(BackonHttp.CLIENT_ATTRIBUTE, "slow")
            .retrieve()
            .body(String.class);

    assertThat(body).isEqualTo("status 200");
    assertThat(server.hits("/hang")).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
    assertThat(recorder.eventsOf("GET 127.0.0.1:" + server.port()))
        .singleElement()
        .satisfies(
            retry -> assertThat(retry.failure()).isInstanceOf(AttemptTimeoutException.class));
  }

  @Test
  void theDeadlineEndsACallWhoseRequestHangsOnApache() {
    server.handle(
        "/hang",
        exchange -> {
          try {
            Thread.sleep(HANG.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          LoopbackServer.reply(exchange, Answer.of(200));
        });
    RestClient client = restClients.build();

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                client
                    .get()
                    .uri(server.uri("/hang"))
                    .attribute(BackonHttp.CLIENT_ATTRIBUTE, "bounded")
                    .retrieve()
                    .body(String.class))
        .isInstanceOf(DeadlineExceededException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
    assertThat(server.hits("/hang")).isEqualTo(1);
  }

  @Test
  void aPostSentOnlyOnceIsStillCutAtTheAttemptTimeout() {
    hangOnTheFirstRequest();
    RestClient client = restClients.build();

    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                client
                    .post()
                    .uri(server.uri("/hang"))
                    .attribute(BackonHttp.CLIENT_ATTRIBUTE, "slow")
                    .body("order")
                    .retrieve()
                    .body(String.class))
        .isInstanceOf(AttemptTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
    assertThat(server.hits("/hang")).isEqualTo(1);
  }

  @Test
  void aHangingRequestOfRestClientOnTheJdkClientIsCutAtTheAttemptTimeout() {
    hangOnTheFirstRequest();
    RestClient client = restClients.requestFactory(new JdkClientHttpRequestFactory()).build();

    long start = System.nanoTime();
    String body =
        client
            .get()
            .uri(server.uri("/hang"))
            .attribute(BackonHttp.CLIENT_ATTRIBUTE, "slow")
            .retrieve()
            .body(String.class);

    assertThat(body).isEqualTo("status 200");
    assertThat(server.hits("/hang")).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
  }

  @Test
  void aHangingRequestOfRestTemplateIsCutAtTheAttemptTimeout() {
    hangOnTheFirstRequest();
    var rest = restTemplates.build();

    long start = System.nanoTime();
    String body =
        rest.execute(
            server.uri("/hang"),
            org.springframework.http.HttpMethod.GET,
            request -> request.getAttributes().put(BackonHttp.CLIENT_ATTRIBUTE, "slow"),
            response -> new String(response.getBody().readAllBytes()));

    assertThat(body).isEqualTo("status 200");
    assertThat(server.hits("/hang")).isEqualTo(2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
  }
}
