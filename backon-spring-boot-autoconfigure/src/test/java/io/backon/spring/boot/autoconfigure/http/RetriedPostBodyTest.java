package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A {@code WebClient} POST with an {@code Idempotency-Key} is retried on a transient status, and
 * every attempt sends the same body again: the request body is written anew for each attempt, never
 * consumed by the first.
 */
class RetriedPostBodyTest {

  private final LoopbackServer server = LoopbackServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void eachAttemptOfAKeyedPostSendsTheWholeBodyAgain() {
    List<String> bodies = new CopyOnWriteArrayList<>();
    AtomicInteger requests = new AtomicInteger();
    server.handle(
        "/charge",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          LoopbackServer.reply(
              exchange, requests.incrementAndGet() < 3 ? Answer.of(503) : Answer.of(200));
        });
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              WebClient client =
                  context
                      .getBean(WebClient.Builder.class)
                      .clientConnector(new ReactorClientHttpConnector())
                      .build();

              String answer =
                  client
                      .post()
                      .uri(server.uri("/charge"))
                      .header("Idempotency-Key", "order-7")
                      .bodyValue("{\"amount\":5}")
                      .retrieve()
                      .bodyToMono(String.class)
                      .block(Duration.ofSeconds(10));

              assertThat(answer).isEqualTo("status 200");
              assertThat(bodies)
                  .containsExactly("{\"amount\":5}", "{\"amount\":5}", "{\"amount\":5}");
            });
  }
}
