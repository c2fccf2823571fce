package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * An attempt Backon cuts really stops its request, on each client Spring Boot picks for {@code
 * RestClient} by class path ({@code spring.http.clients.imperative.factory}): the server sees the
 * connection closed, whether the attempt was cut by its own policy's attempt timeout (counted
 * {@code timeout}) or by the timeout of an enclosing Backon attempt, as around an HTTP interface
 * call in a {@code @Backon} method (counted {@code cancelled}). Apache's blocking reads and Jetty's
 * requests do not stop on the interrupt that ends the attempt by themselves. A {@code WebClient}
 * attempt (on Reactor Netty, which Boot picks for it) has its exchange cancelled just as well. The
 * downstream really hangs (the only real time here); Boot's read timeout is a 20 s safety net, the
 * bounds generous.
 */
class CutAttemptsStopTheirRequestsTest {

  private static final Duration WELL_BEFORE_THE_READ_TIMEOUT = Duration.ofSeconds(5);

  /** Retries without waiting, within a 500 ms deadline and no attempt timeout. */
  private static final String[] BOUNDED_BY_A_DEADLINE = {
    "backon.policies.bounded.max-tries=3",
    "backon.policies.bounded.deadline=500ms",
    "backon.http.defaults.policy=bounded"
  };

  private final HangingServer server = HangingServer.start();
  private final LoopbackServer healthy = LoopbackServer.start();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @AfterEach
  void stopServers() throws Exception {
    server.close();
    healthy.close();
  }

  /** A client that has made one request already: a cold one may spend an attempt starting up. */
  private RestClient warmClient(ApplicationContext context) {
    RestClient client = context.getBean(RestClient.Builder.class).build();
    client.get().uri(healthy.uri("/warm-up")).retrieve().toBodilessEntity();
    return client;
  }

  private ApplicationContextRunner onFactory(String factory) {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BackonAutoConfiguration.class,
                BackonHttpAutoConfiguration.class,
                BackonMetricsAutoConfiguration.class,
                HttpClientAutoConfiguration.class,
                ImperativeHttpClientAutoConfiguration.class,
                RestClientAutoConfiguration.class,
                ReactiveHttpClientAutoConfiguration.class,
                WebClientAutoConfiguration.class))
        .withBean(MeterRegistry.class, () -> meters)
        .withPropertyValues(
            "spring.http.clients.imperative.factory=" + factory,
            "spring.http.clients.read-timeout=20s",
            "backon.defaults.wait=none",
            "backon.policies.slow.max-tries=2",
            "backon.policies.slow.attempt-timeout=300ms",
            "backon.policies.outer.max-tries=1",
            "backon.policies.outer.attempt-timeout=300ms",
            "backon.http.defaults.policy=slow");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk", "http-components", "reactor", "jetty"})
  void anAttemptTimeoutClosesTheConnectionOfTheHangingRequest(String factory) {
    onFactory(factory)
        .run(
            context -> {
              RestClient client = warmClient(context);

              long start = System.nanoTime();
              assertThatThrownBy(
                      () -> client.get().uri(server.uri("/hang")).retrieve().body(String.class))
                  .isInstanceOf(AttemptTimeoutException.class);

              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(WELL_BEFORE_THE_READ_TIMEOUT);
              everyRequestClosedByTheClient(2);
              assertThat(callsCounted("timeout")).isOne();
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk", "http-components", "reactor", "jetty"})
  void anEnclosingAttemptsTimeoutClosesTheConnectionOfTheHangingRequest(String factory) {
    onFactory(factory)
        .run(
            context -> {
              RestClient client = warmClient(context);
              var outer = context.getBean(RetryPolicyRegistry.class).retrying("outer");

              long start = System.nanoTime();
              assertThatThrownBy(
                      () ->
                          outer.call(
                              () ->
                                  client
                                      .get()
                                      .uri(server.uri("/hang"))
                                      .retrieve()
                                      .body(String.class)))
                  .isInstanceOf(AttemptTimeoutException.class);

              assertThat(Duration.ofNanos(System.nanoTime() - start))
                  .isLessThan(WELL_BEFORE_THE_READ_TIMEOUT);
              everyRequestClosedByTheClient(1);
              assertThat(callsCounted("cancelled")).isOne();
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk", "http-components", "reactor", "jetty"})
  void aRequestAnEnclosingAttemptCutIsNoVerdictOnItsHostsBreaker(String factory) {
    onFactory(factory)
        .run(
            context -> {
              RestClient client = warmClient(context);
              var outer = context.getBean(RetryPolicyRegistry.class).retrying("outer");

              assertThatThrownBy(
                      () ->
                          outer.call(
                              () ->
                                  client
                                      .get()
                                      .uri(server.uri("/hang"))
                                      .retrieve()
                                      .body(String.class)))
                  .isInstanceOf(AttemptTimeoutException.class);

              everyRequestClosedByTheClient(1);
              CircuitBreakerSnapshot host =
                  context
                      .getBean(HostCircuitBreakers.class)
                      .find("127.0.0.1:" + server.port())
                      .orElseThrow()
                      .snapshot();
              assertThat(host.consecutiveFailures())
                  .as("as a cancelled WebClient exchange")
                  .isZero();
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"jdk", "http-components"})
  void aDeadlineThatCutsAHungRetryEndsTheCallAsATimeoutNotWithTheEarlierAnswer(String factory) {
    busyThenHanging();
    onFactory(factory)
        .withPropertyValues(BOUNDED_BY_A_DEADLINE)
        .run(
            context -> {
              RestClient client = warmClient(context);

              assertThatThrownBy(
                      () -> client.get().uri(healthy.uri("/busy")).retrieve().body(String.class))
                  .isInstanceOf(DeadlineExceededException.class);

              assertThat(healthy.hits("/busy")).isEqualTo(2);
              assertThat(callsCounted("timeout", healthy.port())).isOne();
            });
  }

  @Test
  void aDeadlineThatCutsAHungWebClientRetryEndsTheCallAsATimeoutNotWithTheEarlierAnswer() {
    busyThenHanging();
    onFactory("jdk")
        .withPropertyValues(BOUNDED_BY_A_DEADLINE)
        .run(
            context -> {
              WebClient client = context.getBean(WebClient.Builder.class).build();

              assertThatThrownBy(
                      () ->
                          client
                              .get()
                              .uri(healthy.uri("/busy"))
                              .retrieve()
                              .bodyToMono(String.class)
                              .block(WELL_BEFORE_THE_READ_TIMEOUT))
                  .isInstanceOf(DeadlineExceededException.class);

              assertThat(healthy.hits("/busy")).isEqualTo(2);
              assertThat(callsCounted("timeout", healthy.port())).isOne();
            });
  }

  /** {@code /busy} answers 503 once, then hangs until the test ends. */
  private void busyThenHanging() {
    AtomicInteger requests = new AtomicInteger();
    healthy.handle(
        "/busy",
        exchange -> {
          if (requests.incrementAndGet() == 1) {
            LoopbackServer.reply(exchange, new Answer(503, Map.of(), "{\"error\":\"busy\"}"));
            return;
          }
          try {
            new CountDownLatch(1).await(); // until close() interrupts the server's threads
          } catch (InterruptedException closing) {
            exchange.close();
          }
        });
  }

  @Test
  void aWebClientAttemptTimeoutCancelsTheExchangeAndClosesItsConnection() {
    onFactory("jdk")
        .run(
            context -> {
              WebClient client = context.getBean(WebClient.Builder.class).build();
              client.get().uri(healthy.uri("/warm-up")).retrieve().toBodilessEntity().block();

              assertThatThrownBy(
                      () ->
                          client
                              .get()
                              .uri(server.uri("/hang"))
                              .retrieve()
                              .bodyToMono(String.class)
                              .block(WELL_BEFORE_THE_READ_TIMEOUT))
                  .isInstanceOf(AttemptTimeoutException.class);

              everyRequestClosedByTheClient(2);
              assertThat(callsCounted("timeout")).isOne();
            });
  }

  /** Each attempt's request reached the server and had its connection closed by the client. */
  private void everyRequestClosedByTheClient(int attempts) {
    await()
        .atMost(WELL_BEFORE_THE_READ_TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(server.requests()).isEqualTo(attempts);
              assertThat(server.hanging()).isZero();
            });
  }

  private double callsCounted(String outcome) {
    return callsCounted(outcome, server.port());
  }

  private double callsCounted(String outcome, int port) {
    var timer = meters.find("backon.http.calls").tags("host", "127.0.0.1:" + port).timers();
    return timer.stream()
        .filter(t -> outcome.equals(t.getId().getTag("outcome")))
        .mapToDouble(t -> t.count())
        .sum();
  }
}
