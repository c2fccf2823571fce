package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Retrying;
import io.backon.breaker.CircuitOpenException;
import io.backon.reactor.BackonReactor;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.testing.ManualSleeper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Inside an attempt of an enclosing Backon call the HTTP layer does not retry again: the enclosing
 * policy owns retrying (3 attempts mean 3 requests, not 9), the server's {@code Retry-After} feeds
 * its wait, and the host's circuit breaker still guards each request.
 */
class OneOwnerOfRetryingTest {

  private final LoopbackServer server = LoopbackServer.start();
  private final ManualSleeper sleeper = new ManualSleeper();

  @AfterEach
  void stopServer() {
    server.close();
  }

  private static RestClient restClient(ApplicationContext context) {
    return context
        .getBean(RestClient.Builder.class)
        .requestFactory(new JdkClientHttpRequestFactory())
        .build();
  }

  private static Retrying outer(ApplicationContext context) {
    return context.getBean(RetryPolicyRegistry.class).retrying("outer");
  }

  @Test
  void theEnclosingPolicyMakesEveryRetryAndWaitsAsTheServerAsks() {
    server.script("/busy", Answer.retryAfter(503, "2"));
    HttpContexts.runner(sleeper)
        .withPropertyValues("backon.policies.outer.max-tries=3")
        .run(
            context -> {
              RestClient client = restClient(context);

              assertThatThrownBy(
                      () ->
                          outer(context)
                              .call(
                                  () ->
                                      client
                                          .get()
                                          .uri(server.uri("/busy"))
                                          .retrieve()
                                          .body(String.class)))
                  .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);

              assertThat(server.hits("/busy")).isEqualTo(3);
              assertThat(sleeper.sleeps())
                  .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
            });
  }

  @Test
  void theEnclosingPolicyGivesUpWhenTheServerAsksForLongerThanTheCap() {
    server.script("/busy", Answer.retryAfter(503, "600"));
    HttpContexts.runner(sleeper)
        .withPropertyValues("backon.policies.outer.max-tries=3")
        .run(
            context -> {
              RestClient client = restClient(context);

              assertThatThrownBy(
                      () ->
                          outer(context)
                              .call(
                                  () ->
                                      client
                                          .get()
                                          .uri(server.uri("/busy"))
                                          .retrieve()
                                          .body(String.class)))
                  .isInstanceOf(HttpServerErrorException.ServiceUnavailable.class);

              assertThat(server.hits("/busy")).isEqualTo(1);
              assertThat(sleeper.sleeps()).isEmpty();
              assertThat(outer(context).policy().giveUpIfReason())
                  .as("what the give-up line says instead of a giveUpIf the user never wrote")
                  .isEqualTo("Retry-After longer than the 30s cap");
            });
  }

  @Test
  void theHostsBreakerStillGuardsEachRequestOfTheEnclosingCall() {
    server.script("/busy", Answer.of(503));
    HttpContexts.runner(sleeper)
        .withPropertyValues(
            "backon.policies.outer.max-tries=5",
            "backon.circuit-breaker-defaults.failure-threshold=2")
        .run(
            context -> {
              RestClient client = restClient(context);

              assertThatThrownBy(
                      () ->
                          outer(context)
                              .call(
                                  () ->
                                      client
                                          .get()
                                          .uri(server.uri("/busy"))
                                          .retrieve()
                                          .body(String.class)))
                  .isInstanceOf(CircuitOpenException.class);

              assertThat(server.hits("/busy")).isEqualTo(2);
            });
  }

  @Test
  void aWebClientCallInsideARetriedMonoIsRetriedOnlyByIt() {
    server.script("/busy", Answer.of(503));
    HttpContexts.runner(sleeper)
        .withPropertyValues("backon.policies.outer.max-tries=3")
        .run(
            context -> {
              WebClient client =
                  context
                      .getBean(WebClient.Builder.class)
                      .clientConnector(new ReactorClientHttpConnector())
                      .build();
              Mono<String> call =
                  client
                      .get()
                      .uri(server.uri("/busy"))
                      .retrieve()
                      .bodyToMono(String.class)
                      .transform(BackonReactor.retry(outer(context).policy()));

              assertThatThrownBy(() -> call.block(Duration.ofSeconds(30)))
                  .isInstanceOf(WebClientResponseException.ServiceUnavailable.class);
              assertThat(server.hits("/busy")).isEqualTo(3);
            });
  }
}
