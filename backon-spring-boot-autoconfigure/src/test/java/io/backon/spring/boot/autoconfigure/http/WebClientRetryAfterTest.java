package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * WebClient honours {@code Retry-After} without blocking a thread: the wait runs on Reactor's
 * parallel scheduler, replaced here by virtual time, so the retry starts exactly when the server
 * asked and not a moment before.
 */
class WebClientRetryAfterTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();

  @AfterEach
  void stop() {
    VirtualTimeScheduler.reset();
    server.close();
  }

  @Test
  void theRetryStartsWhenTheServerAsked() {
    server.script("/quote", Answer.retryAfter(503, "3"), Answer.of(200));
    HttpContexts.runner(new ManualSleeper())
        .run(
            context -> {
              WebClient client =
                  context
                      .getBean(WebClient.Builder.class)
                      .clientConnector(new ReactorClientHttpConnector())
                      .build();

              CompletableFuture<String> quote =
                  client
                      .get()
                      .uri(server.uri("/quote"))
                      .retrieve()
                      .bodyToMono(String.class)
                      .toFuture();

              // the 503 reached the client and its wait is scheduled (not only sent by the server):
              // advancing virtual time before that would leave the retry waiting forever
              await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> server.hits("/quote") == 1 && time.getScheduledTaskCount() > 0);
              time.advanceTimeBy(Duration.ofMillis(2999));
              assertThat(quote).isNotDone();
              assertThat(server.hits("/quote")).isEqualTo(1);
              time.advanceTimeBy(Duration.ofMillis(1));
              assertThat(quote.get(10, TimeUnit.SECONDS)).isEqualTo("status 200");
              assertThat(server.hits("/quote")).isEqualTo(2);
            });
  }
}
