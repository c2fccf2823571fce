package io.backon.spring.boot.autoconfigure.test;

import static io.backon.testing.BackonTesting.assertNotRetried;
import static io.backon.testing.BackonTesting.assertRetried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.EventType;
import io.backon.RetryEvent;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.spring.boot.autoconfigure.BackonCircuitBreakerCustomizer;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/**
 * Backon's test support as a team uses it in one shared Spring test context: {@link BackonTest} for
 * zero waits and capped attempts, {@code assertRetried}, a fake clock and sleeper installed by
 * customizers, listeners that record events, and breakers reset before each test instead of
 * {@code @DirtiesContext} (README, "Testing Spring applications").
 */
@SpringBootTest(
    classes = TeamTestSupportTest.PaymentsApplication.class,
    properties = {
      "backon.policies.payments.max-tries=4",
      "backon.policies.payments.wait=constant",
      "backon.policies.payments.delay=10s",
      "backon.policies.payments.jitter=none",
      "backon.policies.payments.circuit-breaker=payments-api",
      "backon.circuit-breakers.payments-api.failure-threshold=3",
      "backon.circuit-breakers.payments-api.recovery-timeout=30s"
    })
@BackonTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeamTestSupportTest {

  @Autowired PaymentClient client;
  @Autowired CircuitBreakerRegistry breakers;
  @Autowired FakeClock clock;
  @Autowired ManualSleeper sleeper;
  @Autowired RecordedEvents events;

  @BeforeEach
  void startEachTestFromAClosedBreakerAndAHealthyDownstream() {
    breakers.all().forEach(CircuitBreaker::reset);
    client.failFirst(0);
    events.clear();
  }

  @Test
  @Order(1)
  void retriesWithoutWaitingForTheConfiguredBackOff() {
    client.failFirst(2);
    Duration sleptBefore = sleeper.totalSlept();

    assertRetried(() -> client.charge("o-1"), 3);

    assertThat(sleeper.totalSlept()).isEqualTo(sleptBefore);
  }

  @Test
  @Order(2)
  @BackonTest(removeBackoff = false)
  void withTheBackOffKeptTheFakeClockAdvancesByEachWaitAndNothingSleeps() throws IOException {
    client.failFirst(2);
    long startNanos = clock.nanoTime();

    assertThat(client.charge("o-1")).isEqualTo("charged o-1");

    assertThat(Duration.ofNanos(clock.nanoTime() - startNanos)).isEqualTo(Duration.ofSeconds(20));
    assertThat(events.of(EventType.BACKOFF))
        .extracting(RetryEvent::attemptNumber, RetryEvent::waitDuration, RetryEvent::targetName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                1, Duration.ofSeconds(10), "PaymentClient.charge(String)"),
            org.assertj.core.groups.Tuple.tuple(
                2, Duration.ofSeconds(10), "PaymentClient.charge(String)"));
  }

  @Test
  @Order(3)
  void theRecordedGiveUpCarriesTheArgumentsTheAttemptsAndTheLastFailure() {
    client.failFirst(100);

    assertThatThrownBy(() -> client.charge("o-9")).isInstanceOf(CircuitOpenException.class);

    assertThat(events.of(EventType.GIVE_UP))
        .singleElement()
        .satisfies(
            giveUp -> {
              assertThat(giveUp.arguments()).containsExactly("o-9");
              assertThat(giveUp.attemptNumber()).isEqualTo(4);
            });
  }

  @Test
  @Order(4)
  void threeFailedAttemptsOpenTheBreakerAndTheFakeClockLetsItRecover() throws IOException {
    CircuitBreaker breaker = breakers.find("payments-api").orElseThrow();
    assertThat(breaker.state())
        .as("reset after the test that opened it")
        .isEqualTo(CircuitState.CLOSED);
    client.failFirst(3);

    assertThatThrownBy(() -> client.charge("o-1"))
        .isInstanceOf(CircuitOpenException.class)
        .satisfies(
            rejected ->
                assertThat(rejected.getSuppressed())
                    .singleElement()
                    .satisfies(s -> assertThat(s).hasMessage("down#3")));
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(client.calls()).isEqualTo(3);

    clock.advance(Duration.ofSeconds(30));

    assertThat(client.charge("o-2")).isEqualTo("charged o-2");
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  @Order(5)
  void aForcedOpenBreakerRejectsCallsAndTheNextTestStillFindsItClosed() {
    breakers.find("payments-api").orElseThrow().forceOpen();

    assertThatThrownBy(() -> client.charge("o-3")).isInstanceOf(CircuitOpenException.class);
    assertThat(client.calls()).isZero();
  }

  @Test
  @Order(6)
  @BackonTest(limitRetries = 2)
  void aMethodLevelLimitCapsTheAttemptsOfTheCallsItMakes() {
    assertThat(breakers.find("payments-api").orElseThrow().state())
        .as("reset after the test that forced it open")
        .isEqualTo(CircuitState.CLOSED);
    client.failFirst(100);

    assertRetried(() -> client.charge("o-1"), 2);
  }

  @Test
  @Order(7)
  @BackonTest(disableRetries = true)
  void withRetriesDisabledTheTargetIsCalledExactlyOnce() {
    client.failFirst(100);

    assertNotRetried(() -> client.charge("o-1"));
    assertThat(client.calls()).isEqualTo(1);
  }

  @Test
  @Order(8)
  @BackonTest(disableRetries = true)
  void withRetriesDisabledFutureAndMonoMethodsCountTheirOneTryToo() {
    client.failFirst(100);

    assertNotRetried(() -> client.chargeLater("o-1").exceptionally(failure -> "failed").join());
    assertNotRetried(() -> client.balance("o-1").onErrorReturn("failed").block());
    assertThat(client.calls()).isEqualTo(2);
  }

  /** The application under test: one client, fake time, and a recorder for Backon's events. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class PaymentsApplication {

    @Bean
    PaymentClient paymentClient() {
      return new PaymentClient();
    }

    @Bean
    FakeClock fakeClock() {
      return new FakeClock();
    }

    @Bean
    ManualSleeper manualSleeper(FakeClock clock) {
      return new ManualSleeper(clock);
    }

    @Bean
    RecordedEvents recordedEvents() {
      return new RecordedEvents();
    }

    @Bean
    BackonPolicyCustomizer fakeTimeAndRecordedEvents(
        FakeClock clock, ManualSleeper sleeper, RecordedEvents events) {
      return (name, builder) ->
          builder.clock(clock).sleeper(sleeper).onBackoff(events::add).onGiveUp(events::add);
    }

    @Bean
    BackonCircuitBreakerCustomizer breakersOnTheFakeClock(FakeClock clock) {
      return (name, builder) -> builder.clock(clock);
    }
  }

  /** A client whose downstream fails the first n calls. */
  static class PaymentClient {
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failures;

    @Backon("payments")
    public String charge(String order) throws IOException {
      int n = calls.incrementAndGet();
      if (n <= failures) {
        throw new IOException("down#" + n);
      }
      return "charged " + order;
    }

    @Backon("payments")
    public CompletableFuture<String> chargeLater(String order) {
      return CompletableFuture.supplyAsync(
          () -> {
            try {
              return charge(order);
            } catch (IOException e) {
              throw new CompletionException(e);
            }
          });
    }

    @Backon("payments")
    public Mono<String> balance(String account) {
      return Mono.fromCallable(() -> charge(account));
    }

    public void failFirst(int failures) {
      this.failures = failures;
      calls.set(0);
    }

    public int calls() {
      return calls.get();
    }
  }

  /** Backon's events as a test reads them. */
  static class RecordedEvents {
    private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

    void add(RetryEvent event) {
      events.add(event);
    }

    List<RetryEvent> of(EventType type) {
      return events.stream().filter(e -> e.type() == type).toList();
    }

    void clear() {
      events.clear();
    }
  }
}
