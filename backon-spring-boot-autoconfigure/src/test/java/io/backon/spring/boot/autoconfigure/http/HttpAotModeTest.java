package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * Backon's HTTP layer in an application processed by Spring AOT ({@link AotProcessedContext}), with
 * Apache HttpClient 5 under Spring Boot's request factories: the customizers that abort a request
 * at its attempt's limit come from the generated bean definitions and still cut a hanging request,
 * and the names Backon's HTTP layer looks up at run time are registered for a native image. One
 * processing for all tests; the downstream really hangs (the bounds are generous).
 */
class HttpAotModeTest {

  /** How long the downstream hangs: well beyond the policy's 500 ms attempt timeout. */
  private static final Duration HANG = Duration.ofSeconds(6);

  private static final ApplicationContextRunner RUNNER =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  BackonAutoConfiguration.class,
                  BackonHttpAutoConfiguration.class,
                  HttpClientAutoConfiguration.class,
                  ImperativeHttpClientAutoConfiguration.class,
                  RestClientAutoConfiguration.class,
                  WebClientAutoConfiguration.class));

  @TempDir static Path work;

  private static AotProcessedContext processed;

  @BeforeAll
  static void processAheadOfTime() {
    processed = AotProcessedContext.process(RUNNER, work);
  }

  @Test
  void theWebClientStatusExceptionTheRetryAfterRuleLooksForIsRegistered() {
    // Unregistered, Class.forName fails in a native image, and a WebClient answer's Retry-After
    // would never set an enclosing policy's wait.
    assertThat(HttpRetryAfterCustomizer.WEB_CLIENT_RESPONSE_EXCEPTION)
        .isEqualTo(WebClientResponseException.class.getName());
    assertThat(
            RuntimeHintsPredicates.reflection()
                .onType(TypeReference.of(HttpRetryAfterCustomizer.WEB_CLIENT_RESPONSE_EXCEPTION)))
        .accepts(processed.hints());
  }

  @Test
  void aHangingRequestOnApacheIsAbortedAtTheAttemptTimeoutAndRetried() throws Exception {
    try (LoopbackServer server = LoopbackServer.start();
        GenericApplicationContext context =
            processed.start(
                "backon.defaults.wait=none",
                "backon.policies.slow.max-tries=2",
                "backon.policies.slow.attempt-timeout=500ms",
                "backon.http.clients.slow.policy=slow")) {
      hangOnTheFirstRequest(server);
      RestClient client = context.getBean(RestClient.Builder.class).build();

      long start = System.nanoTime();
      String body =
          client
              .get()
              .uri(server.uri("/hang"))
              .attribute(BackonHttp.CLIENT_ATTRIBUTE, "slow")
              .retrieve()
              .body(String.class);

      assertThat(context.containsBeanDefinition("backonHttpComponentsAttemptAbort")).isTrue();
      assertThat(body).isEqualTo("status 200");
      assertThat(server.hits("/hang")).isEqualTo(2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG.dividedBy(2));
    }
  }

  private static void hangOnTheFirstRequest(LoopbackServer server) {
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
}
