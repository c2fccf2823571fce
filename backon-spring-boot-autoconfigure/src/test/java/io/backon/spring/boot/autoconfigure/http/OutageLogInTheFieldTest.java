package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.RetryEvent;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitStateTransition;
import io.backon.spring.boot.autoconfigure.BackonCircuitBreakerCustomizer;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.HttpClientErrorException.BadRequest;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * An outage as an operator of a Spring Boot app lives it: sixteen callers make fifty calls each
 * through {@code @Backon} methods (blocking {@code RestClient} on Apache HttpClient 5, {@code
 * WebClient} as a future and as a {@code Mono}), some with a fallback, some behind a circuit
 * breaker, and Backon's per-host breaker under them all, against a downstream that answers {@code
 * 503} with a JSON body and then resets every connection. Logback at Boot's default levels shows
 * one WARN line per give-up whose failure reached a caller, one line per breaker transition,
 * nothing for the calls fallbacks saved or open breakers rejected outright, no stack trace, no
 * body, no path or query string.
 */
@SpringBootTest(
    classes = OutageLogInTheFieldTest.App.class,
    properties = {
      "backon.defaults.wait=expo",
      "backon.defaults.delay=1ms",
      "backon.defaults.max-delay=4ms",
      "backon.defaults.jitter=full",
      "backon.policies.catalog.max-tries=3",
      "backon.policies.lookups.abort-on=org.springframework.web.client.HttpClientErrorException,"
          + "org.springframework.web.reactive.function.client.WebClientResponseException$BadRequest",
      "backon.policies.orders.max-tries=3",
      "backon.policies.orders.circuit-breaker=orders",
      "backon.circuit-breakers.orders.failure-threshold=10",
      "backon.circuit-breaker-defaults.recovery-timeout=20ms"
    })
@ExtendWith(OutputCaptureExtension.class)
class OutageLogInTheFieldTest {

  private static final String BODY = "{\"error\":\"" + OutageServer.BODY_MARKER + "\"}";
  private static final int CALLERS = 16;
  private static final int CALLS = 50;

  /** The methods whose failures reach their callers, by the target name lines give them. */
  private static final List<String> PROPAGATING =
      List.of("Shop.stock(URI)", "Shop.stockLater(URI)", "Shop.order(URI)", "Shop.orderMono(URI)");

  private final OutageServer downstream = OutageServer.start();
  private final LoopbackServer answering =
      LoopbackServer.start()
          .script("/accounts", new Answer(400, Map.of(), BODY))
          .script("/stock", new Answer(503, Map.of(), BODY));

  @Autowired Shop shop;
  @Autowired Heard heard;
  @Autowired LoggingSystem logging;

  /**
   * Backon's loggers at Spring Boot's default level (INFO, from the root): the logging system
   * outlives a test's context, so levels another test's context set would still hold.
   */
  @BeforeEach
  void backonLoggersAtBootsDefaultLevel() {
    for (String logger : List.of("io.backon", "io.backon.retry", "io.backon.breaker")) {
      logging.setLogLevel(logger, null);
      // Backon's System.Loggers read java.util.logging's level, which a closed context may leave
      java.util.logging.Logger.getLogger(logger).setLevel(null);
    }
  }

  @AfterEach
  void stopTheDownstreams() throws Exception {
    downstream.close();
    answering.close();
  }

  @Test
  void anOutageLogsOneWarnLinePerPropagatedGiveUpAndOneLinePerTransition(CapturedOutput output)
      throws Exception {
    Map<String, AtomicInteger> propagated = new ConcurrentHashMap<>();
    callFromSixteenThreads(CALLS / 2, propagated);
    downstream.startResetting();
    callFromSixteenThreads(CALLS / 2, propagated);

    List<String> backonLines =
        output.getOut().lines().filter(line -> line.contains(" io.backon.")).toList();
    long rejectedOutright =
        heard.giveUps.stream()
            .filter(event -> PROPAGATING.contains(event.targetName()))
            .filter(event -> event.failure() instanceof CircuitOpenException)
            .filter(event -> event.attemptNumber() == 1)
            .count();
    int reachedCallers = propagated.values().stream().mapToInt(AtomicInteger::get).sum();
    assertThat(reachedCallers).as("calls whose failure reached the caller").isPositive();
    assertThat(heard.transitions).as("breaker transitions").isNotEmpty();
    assertThat(backonLines)
        .as("Backon's lines")
        .filteredOn(line -> line.contains(" io.backon.retry "))
        .hasSize((int) (reachedCallers - rejectedOutright))
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(" WARN ")
                    .containsPattern(": Giving up on Shop\\.(stock|stockLater|order|orderMono)\\(")
                    .containsPattern("\\[policy (catalog|orders)]$"));
    assertThat(backonLines)
        .filteredOn(line -> line.contains(" io.backon.breaker "))
        .hasSize(heard.transitions.size());
    assertThat(backonLines)
        .allSatisfy(
            line -> assertThat(line).containsAnyOf(" io.backon.retry ", " io.backon.breaker "));
    assertThat(output.getAll())
        .doesNotContain(OutageServer.BODY_MARKER)
        .doesNotContain("s3cr3t")
        .doesNotContain("/items")
        .doesNotContain("\tat ");
  }

  @Test
  void aClientErrorOrAWebClientsGiveUpIsOneWarnLineNamingTheHostWithoutTheBody(
      CapturedOutput output) {
    URI account = answering.uri("/accounts?id=s3cr3t");
    URI stock = answering.uri("/stock?id=s3cr3t");
    String host = "http://127.0.0.1:" + answering.port() + "/...";

    assertThatThrownBy(() -> shop.lookup(account)).isInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> shop.lookupMono(account).block())
        .isInstanceOf(WebClientResponseException.BadRequest.class);
    assertThatThrownBy(() -> shop.stockLater(stock).join())
        .hasCauseInstanceOf(WebClientResponseException.ServiceUnavailable.class);

    assertThat(output.getOut().lines().filter(line -> line.contains(" io.backon.")))
        .satisfiesExactly(
            restClient ->
                assertThat(restClient)
                    .contains(" WARN ")
                    .endsWith(
                        "Giving up on Shop.lookup(URI) after 1 attempt (not retryable): "
                            + "org.springframework.web.client.HttpClientErrorException$BadRequest: "
                            + "400 Bad Request [...] [policy lookups]"),
            webClient ->
                assertThat(webClient)
                    .contains(" WARN ")
                    .endsWith(
                        "Giving up on Shop.lookupMono(URI) after 1 attempt (not retryable): "
                            + "org.springframework.web.reactive.function.client."
                            + "WebClientResponseException$BadRequest: 400 Bad Request from GET "
                            + host
                            + " [policy lookups]"),
            future ->
                assertThat(future)
                    .contains(" WARN ")
                    .endsWith(
                        "Giving up on Shop.stockLater(URI) after 3 attempts (max tries reached): "
                            + "org.springframework.web.reactive.function.client."
                            + "WebClientResponseException$ServiceUnavailable: 503 Service "
                            + "Unavailable from GET "
                            + host
                            + " [policy catalog]"));
    assertThat(output.getAll())
        .doesNotContain(OutageServer.BODY_MARKER)
        .doesNotContain("s3cr3t")
        .doesNotContain("\tat ");
  }

  private void callFromSixteenThreads(int calls, Map<String, AtomicInteger> propagated)
      throws Exception {
    ExecutorService callers = callers(CALLERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int caller = 0; caller < CALLERS; caller++) {
        int first = caller;
        done.add(
            callers.submit(
                () -> {
                  for (int call = 0; call < calls; call++) {
                    callOnce((first + call) % 6, propagated);
                  }
                }));
      }
      for (Future<?> each : done) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  /** The threads of the callers: platform threads, as a Tomcat on its default pool. */
  ExecutorService callers(int threads) {
    return Executors.newFixedThreadPool(threads);
  }

  private void callOnce(int method, Map<String, AtomicInteger> propagated) {
    URI item = downstream.uri("/items/42?token=s3cr3t");
    String name =
        switch (method) {
          case 0 -> "price";
          case 1 -> "stock";
          case 2 -> "stockLater";
          case 3 -> "order";
          case 4 -> "orderOrQueue";
          default -> "orderMono";
        };
    try {
      String answer =
          switch (method) {
            case 0 -> shop.price(item);
            case 1 -> shop.stock(item);
            case 2 -> shop.stockLater(item).join();
            case 3 -> shop.order(item);
            case 4 -> shop.orderOrQueue(item);
            default -> shop.orderMono(item).block();
          };
      assertThat(answer).isIn("list price", "queued");
    } catch (RuntimeException failure) {
      propagated.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
    }
  }

  /** The user's application: Boot's auto-configuration, a service and listeners of the user's. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    Shop shop(RestClient.Builder rest, WebClient.Builder web) {
      return new Shop(rest.build(), web.build());
    }

    @Bean
    Heard heard() {
      return new Heard();
    }

    @Bean
    BackonPolicyCustomizer listenToGiveUps(Heard heard) {
      return (name, builder) -> builder.onGiveUp(heard.giveUps::add);
    }

    @Bean
    BackonCircuitBreakerCustomizer listenToTransitions(Heard heard) {
      return (name, builder) -> builder.onStateChange(heard.transitions::add);
    }
  }

  /** What the user's listeners heard. Thread-safe. */
  static final class Heard {
    final Queue<RetryEvent> giveUps = new ConcurrentLinkedQueue<>();
    final Queue<CircuitStateTransition> transitions = new ConcurrentLinkedQueue<>();
  }

  /** A client of the downstream. */
  static class Shop {

    private final RestClient rest;
    private final WebClient web;

    Shop(RestClient rest, WebClient web) {
      this.rest = rest;
      this.web = web;
    }

    @Backon(value = "catalog", fallback = "listPrice")
    public String price(URI item) {
      return rest.get().uri(item).retrieve().body(String.class);
    }

    String listPrice(URI item, Throwable failure) {
      return "list price";
    }

    @Backon("catalog")
    public String stock(URI item) {
      return rest.get().uri(item).retrieve().body(String.class);
    }

    @Backon("catalog")
    public CompletableFuture<String> stockLater(URI item) {
      return web.get().uri(item).retrieve().bodyToMono(String.class).toFuture();
    }

    @Backon("orders")
    public String order(URI item) {
      return rest.post().uri(item).retrieve().body(String.class);
    }

    @Backon(value = "orders", fallback = "queued")
    public String orderOrQueue(URI item) {
      return rest.post().uri(item).retrieve().body(String.class);
    }

    String queued(URI item, Throwable failure) {
      return "queued";
    }

    @Backon("lookups")
    public String lookup(URI account) {
      return rest.get().uri(account).retrieve().body(String.class);
    }

    @Backon("lookups")
    public Mono<String> lookupMono(URI account) {
      return web.get().uri(account).retrieve().bodyToMono(String.class);
    }

    @Backon("orders")
    public Mono<String> orderMono(URI item) {
      return web.post().uri(item).retrieve().bodyToMono(String.class);
    }
  }
}
