package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitOpenException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * An outage as a user's Spring Boot app lives it, everything at once: Actuator with the backon
 * endpoint exposed (so the event history listens), a Prometheus registry, Boot's observation
 * auto-configuration, a policy with exponential waits and full jitter, a listener of the user's, a
 * circuit breaker and fallbacks, Logback at Boot's default levels. What the operator reads: one
 * WARN line per call whose failure reaches the caller, the breaker's opening once, nothing for
 * calls a fallback saved or the open breaker rejected, no stack trace, no body.
 */
@SpringBootTest(
    classes = FieldOutageLogTest.App.class,
    properties = {
      "management.endpoints.web.exposure.include=health,backon,prometheus",
      "backon.defaults.wait=expo",
      "backon.policies.inventory.max-tries=3",
      "backon.policies.inventory.delay=1ms",
      "backon.policies.inventory.max-delay=4ms",
      "backon.policies.inventory.jitter=full",
      "backon.policies.inventory.retry-on=java.io.IOException",
      "backon.policies.inventory.circuit-breaker=inventory",
      "backon.circuit-breakers.inventory.failure-threshold=6",
      "backon.circuit-breakers.inventory.recovery-timeout=60s",
      "backon.policies.hot.wait=none",
      "backon.policies.hot.max-tries=8"
    })
@ExtendWith(OutputCaptureExtension.class)
class FieldOutageLogTest {

  private static final String BODY = "{\"error\":\"BODY-MARKER\"}";

  @Autowired Inventory inventory;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired GiveUps giveUps;
  @Autowired PrometheusMeterRegistry prometheus;

  @BeforeEach
  void noInvocationsNorGiveUpsYet() {
    inventory.resetInvocations();
    giveUps.count.set(0);
  }

  @AfterEach
  void closeTheBreaker() {
    breakers.all().forEach(CircuitBreaker::reset);
  }

  @Test
  void anOutageLeavesOneWarnLinePerPropagatedGiveUpAndTheOpeningOnce(CapturedOutput output)
      throws IOException {
    assertThat(inventory.stock("a")).isEqualTo("cached:a");
    assertThatThrownBy(() -> inventory.reserve("b")).isInstanceOf(IOException.class);
    // the breaker opened after six failed attempts: the next calls never reach the downstream
    assertThat(inventory.stock("c")).isEqualTo("cached:c");
    assertThatThrownBy(() -> inventory.reserve("d")).isInstanceOf(CircuitOpenException.class);
    assertThat(inventory.stockMono("e").block()).isEqualTo("cached:e");
    assertThatThrownBy(() -> inventory.reserveMono("f").block())
        .isInstanceOf(CircuitOpenException.class);
    assertThatThrownBy(() -> inventory.reserveAsync("g").join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CircuitOpenException.class);

    assertThat(backonLines(output))
        .hasSize(2)
        .anyMatch(
            line ->
                line.contains(" WARN ")
                    && line.endsWith(
                        "Giving up on Inventory.reserve(String) after 3 attempts (max tries"
                            + " reached): java.io.IOException: 503 Service Unavailable [...]"
                            + " [policy inventory]"))
        .anyMatch(
            line ->
                line.contains(" WARN ")
                    && line.contains("Circuit breaker 'inventory' CLOSED -> OPEN after "));
    assertThat(output.getAll()).doesNotContain("BODY-MARKER").doesNotContain("\tat ");
    assertThat(giveUps.count).hasValue(7);
  }

  @Test
  void aMonoMethodIsInvokedOnceAndItsGiveUpIsOneWarnLine(CapturedOutput output) {
    assertThatThrownBy(() -> inventory.reserveMono("h").block())
        .hasCauseInstanceOf(IOException.class);

    assertThat(inventory.invocations()).isEqualTo(1);
    assertThat(backonLines(output))
        .singleElement()
        .asString()
        .contains(" WARN ")
        .endsWith(
            "Giving up on Inventory.reserveMono(String) after 3 attempts (max tries reached):"
                + " java.io.IOException: 503 Service Unavailable [...] [policy inventory]");
  }

  @Test
  void aFutureMethodsGiveUpIsOneWarnLine(CapturedOutput output) {
    assertThatThrownBy(() -> inventory.reserveAsync("i").join())
        .hasCauseInstanceOf(IOException.class);

    assertThat(backonLines(output))
        .singleElement()
        .asString()
        .contains(" WARN ")
        .contains("Giving up on Inventory.reserveAsync(String) after 3 attempts");
  }

  @Test
  void aFailureItsFallbackDoesNotTakeIsAPropagatedGiveUp(CapturedOutput output) {
    assertThatThrownBy(() -> inventory.price("n")).isInstanceOf(IOException.class);

    assertThat(backonLines(output))
        .singleElement()
        .asString()
        .contains(" WARN ")
        .endsWith(
            "Giving up on Inventory.price(String) after 3 attempts (max tries reached):"
                + " java.io.IOException: 503 Service Unavailable [...] [policy inventory]");
  }

  @Test
  void aPolicyThatHammersItsDownstreamIsWarnedAboutOnceAMinute(CapturedOutput output)
      throws IOException {
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> inventory.poll("l")).isInstanceOf(IOException.class);
      assertThat(inventory.pollOrCached("m")).isEqualTo("cached:m");
    }

    assertThat(backonLines(output))
        .filteredOn(line -> line.contains("Policy 'hot' has retried"))
        .singleElement()
        .asString()
        .contains(" WARN ")
        .contains("5 times less than 100 ms apart (1 call so far)");
  }

  @Test
  void thePrometheusScrapeHoldsOnlyDocumentedBackonMeters() throws IOException {
    assertThat(inventory.stock("j")).isEqualTo("cached:j");
    assertThat(inventory.stockMono("k").block()).isEqualTo("cached:k");

    List<String> names =
        prometheus
            .scrape()
            .lines()
            .filter(line -> line.startsWith("backon"))
            .map(line -> line.replaceAll("[{ ].*", ""))
            .distinct()
            .toList();
    assertThat(names)
        .isNotEmpty()
        .allMatch(
            name ->
                name.matches(
                    "backon_(calls_seconds(_count|_sum|_max)?|attempts_total"
                        + "|attempt_duration_seconds(_count|_sum|_max)?|hedges_total"
                        + "|circuitbreaker_(state|transitions_total|not_permitted_total"
                        + "|failure_rate_percent|slow_call_rate_percent)"
                        + "|budget_(tokens|refused_total))"),
            "a documented meter");
  }

  private static List<String> backonLines(CapturedOutput output) {
    return output.getOut().lines().filter(line -> line.contains(" io.backon.")).toList();
  }

  /** The user's application. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    Inventory inventory() {
      return new Inventory();
    }

    @Bean
    GiveUps giveUps() {
      return new GiveUps();
    }

    @Bean
    BackonPolicyCustomizer countGiveUps(GiveUps giveUps) {
      return (name, builder) -> builder.onGiveUp(event -> giveUps.count.incrementAndGet());
    }
  }

  /** A listener's state. */
  static class GiveUps {
    final AtomicInteger count = new AtomicInteger();
  }

  /** A client of a downstream in an outage: every request fails with a 503 and a body. */
  static class Inventory {

    private final AtomicInteger invocations = new AtomicInteger();

    public int invocations() {
      return invocations.get();
    }

    public void resetInvocations() {
      invocations.set(0);
    }

    private static IOException unavailable() {
      return new IOException("503 Service Unavailable: \"" + BODY + "\"");
    }

    @Backon(value = "inventory", fallback = "cached")
    public String stock(String sku) throws IOException {
      throw unavailable();
    }

    String cached(String sku, Throwable failure) {
      return "cached:" + sku;
    }

    @Backon("inventory")
    public String reserve(String sku) throws IOException {
      throw unavailable();
    }

    @Backon(value = "inventory", fallback = "cachedMono")
    public Mono<String> stockMono(String sku) {
      return Mono.error(unavailable());
    }

    Mono<String> cachedMono(String sku, Throwable failure) {
      return Mono.just("cached:" + sku);
    }

    @Backon("inventory")
    public Mono<String> reserveMono(String sku) {
      invocations.incrementAndGet();
      return Mono.error(unavailable());
    }

    @Backon(value = "inventory", fallback = "listPrice")
    public String price(String sku) throws IOException {
      throw unavailable();
    }

    String listPrice(String sku, IllegalStateException failure) {
      return "list:" + sku;
    }

    @Backon("hot")
    public String poll(String sku) throws IOException {
      throw unavailable();
    }

    @Backon(value = "hot", fallback = "cached")
    public String pollOrCached(String sku) throws IOException {
      throw unavailable();
    }

    @Backon("inventory")
    public CompletableFuture<String> reserveAsync(String sku) {
      return CompletableFuture.failedFuture(unavailable());
    }
  }
}
