package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.CapturedLogback.Line;
import io.backon.testing.FakeClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * A circuit breaker and back-offs as an operator reads them in a Spring Boot app, Logback at Boot's
 * default levels: each transition is one line (WARN when the breaker opens, INFO when it half-opens
 * or closes), calls the open breaker rejects are counted in its meters, not logged above DEBUG;
 * durations read like {@code 9.8s}, {@code 22ms}, {@code 1m30s}; a stack trace only with {@code
 * io.backon.retry} at DEBUG; {@code logging.level.io.backon.breaker=error} silences the transitions
 * and nothing else.
 */
@SpringBootTest(
    classes = BreakerAndBackoffLinesTest.App.class,
    properties = {
      "backon.policies.guarded.wait=none",
      "backon.policies.guarded.max-tries=3",
      "backon.policies.guarded.circuit-breaker=inventory",
      "backon.circuit-breakers.inventory.failure-threshold=2",
      "backon.circuit-breakers.inventory.recovery-timeout=90s",
      "backon.policies.patient.wait=expo",
      "backon.policies.patient.delay=22ms",
      "backon.policies.patient.multiplier=500",
      "backon.policies.patient.jitter=none",
      "backon.policies.patient.max-delay=9800ms",
      "backon.policies.patient.max-tries=3"
    })
class BreakerAndBackoffLinesTest {

  private static final String RETRY = "io.backon.retry";
  private static final String BREAKER = "io.backon.breaker";

  @Autowired Inventory inventory;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired MeterRegistry meters;
  @Autowired LoggingSystem logging;
  @Autowired FakeClock clock;

  private CapturedLogback log;

  /** After Spring Boot configured Logback, which drops appenders attached before. */
  @BeforeEach
  void captureTheLog() {
    log = CapturedLogback.attachAtBootsDefaultLevels(logging);
  }

  @AfterEach
  void restore() {
    log.close();
    logging.setLogLevel(RETRY, null);
    logging.setLogLevel(BREAKER, null);
    breakers.all().forEach(breaker -> breaker.reset());
    inventory.setUp(false);
  }

  @Test
  void eachTransitionIsOneLineAndRejectedCallsAreCountedNotLogged() throws IOException {
    assertThatThrownBy(inventory::reserve).isInstanceOf(CircuitOpenException.class);
    for (int call = 0; call < 50; call++) {
      assertThatThrownBy(inventory::reserve).isInstanceOf(CircuitOpenException.class);
    }
    clock.advance(Duration.ofSeconds(90));
    inventory.setUp(true);
    assertThat(inventory.reserve()).isEqualTo("reserved");

    assertThat(log.backonLines())
        .extracting(Line::logger, Line::level, Line::message)
        .map(tuple -> tuple.toList().toString())
        .containsExactly(
            "[io.backon.breaker, WARN, Circuit breaker 'inventory' CLOSED -> OPEN after 0s in"
                + " CLOSED; rejecting calls for 1m30s]",
            "[io.backon.retry, WARN, Giving up on Inventory.reserve() at attempt 3 (circuit open):"
                + " io.backon.breaker.CircuitOpenException: Circuit breaker 'inventory' is OPEN;"
                + " retry in 1m30s (after java.io.IOException: 503 Service Unavailable [...])"
                + " [policy guarded]]",
            "[io.backon.breaker, INFO, Circuit breaker 'inventory' OPEN -> HALF_OPEN after 1m30s in"
                + " OPEN; admitting 1 trial call]",
            "[io.backon.breaker, INFO, Circuit breaker 'inventory' HALF_OPEN -> CLOSED after 0s in"
                + " HALF_OPEN]");
    assertThat(meters.get("backon.circuitbreaker.not.permitted").functionCounter().count())
        .isEqualTo(51.0);
  }

  @Test
  void withTheBreakerLoggerAtErrorOnlyTheTransitionsAreSilenced() {
    logging.setLogLevel(BREAKER, LogLevel.ERROR);

    assertThatThrownBy(inventory::reserve).isInstanceOf(CircuitOpenException.class);

    assertThat(log.backonLines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.logger()).isEqualTo(RETRY);
              assertThat(line.level()).isEqualTo("WARN");
              assertThat(line.message())
                  .startsWith("Giving up on Inventory.reserve() at attempt 3");
            });
  }

  @Test
  void backOffsAtDebugReadTheirWaitsLikeAPersonWould() {
    logging.setLogLevel(RETRY, LogLevel.DEBUG);

    assertThatThrownBy(inventory::restock).isInstanceOf(IOException.class);

    assertThat(log.backonLines())
        .extracting(Line::level, Line::message)
        .map(tuple -> tuple.toList().toString())
        .containsExactly(
            "[DEBUG, Retrying Inventory.restock() in 22ms after attempt 1 failed with"
                + " java.io.IOException: 503 Service Unavailable [...] [policy patient]]",
            "[DEBUG, Retrying Inventory.restock() in 9.8s after attempt 2 failed with"
                + " java.io.IOException: 503 Service Unavailable [...] [policy patient]]",
            "[WARN, Giving up on Inventory.restock() after 3 attempts (max tries reached):"
                + " java.io.IOException: 503 Service Unavailable [...] [policy patient]]");
  }

  @Test
  void theGiveUpCarriesItsStackTraceOnlyWithTheRetryLoggerAtDebug() {
    assertThatThrownBy(inventory::restock).isInstanceOf(IOException.class);
    logging.setLogLevel(RETRY, LogLevel.DEBUG);
    assertThatThrownBy(inventory::restock).isInstanceOf(IOException.class);

    assertThat(log.backonLines())
        .filteredOn(line -> line.level().equals("WARN"))
        .extracting(Line::stackTraceOf)
        .containsExactly(
            null,
            "io.backon.internal.RedactedFailure: java.io.IOException: 503 Service Unavailable [...]");
  }

  /** The user's application, its policies and breakers on a fake clock that sleeps no one. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    FakeClock clock() {
      return new FakeClock();
    }

    @Bean
    Inventory inventory() {
      return new Inventory();
    }

    @Bean
    BackonPolicyCustomizer fakeTime(FakeClock clock) {
      return (name, builder) -> builder.clock(clock).sleeper(nanos -> {});
    }

    @Bean
    BackonCircuitBreakerCustomizer fakeBreakerTime(FakeClock clock) {
      return (name, builder) -> builder.clock(clock);
    }
  }

  /** A downstream in an outage until {@link #setUp} says otherwise. */
  static class Inventory {

    private final AtomicBoolean up = new AtomicBoolean();

    /**
     * Ends or starts the outage (a method: the bean is a proxy whose fields are not the bean's).
     */
    public void setUp(boolean isUp) {
      up.set(isUp);
    }

    @Backon("guarded")
    public String reserve() throws IOException {
      return answer("reserved");
    }

    @Backon("patient")
    public String restock() throws IOException {
      return answer("restocked");
    }

    private String answer(String value) throws IOException {
      if (!up.get()) {
        throw new IOException("503 Service Unavailable: \"{\"stock\":\"secret\"}\"");
      }
      return value;
    }
  }
}
