package io.backon.breaker;

import static io.backon.breaker.Calls.fail;
import static io.backon.breaker.Calls.succeed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.backon.CapturedLog;
import io.backon.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** State-change listeners: one immutable event per transition, in order, failures contained. */
class CircuitBreakerListenerTest {

  private final FakeClock clock = new FakeClock();
  private final List<CircuitStateTransition> events = new CopyOnWriteArrayList<>();
  private final CapturedLog log = CapturedLog.attach();

  @AfterEach
  void detachLog() {
    log.close();
  }

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments").clock(clock).failureThreshold(2);
  }

  @Test
  void announcesEachTransitionOfAFullCycleOnce() {
    CircuitBreaker breaker = breaker().onStateChange(events::add).build();

    fail(breaker, 2);
    clock.advance(Duration.ofSeconds(60));
    succeed(breaker, 1);

    assertThat(events)
        .extracting(CircuitStateTransition::from, CircuitStateTransition::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CircuitState.CLOSED, CircuitState.OPEN),
            org.assertj.core.groups.Tuple.tuple(CircuitState.OPEN, CircuitState.HALF_OPEN),
            org.assertj.core.groups.Tuple.tuple(CircuitState.HALF_OPEN, CircuitState.CLOSED));
  }

  @Test
  void anEventNamesTheBreakerAndSaysWhenAndAfterHowLong() {
    CircuitBreaker breaker = breaker().build().onStateChange(events::add);
    clock.advance(Duration.ofSeconds(5));
    fail(breaker, 2);
    clock.advance(Duration.ofSeconds(60));

    breaker.tryAcquirePermission();

    assertThat(events)
        .containsExactly(
            new CircuitStateTransition(
                "payments",
                CircuitState.CLOSED,
                CircuitState.OPEN,
                Instant.parse("2026-01-01T00:00:05Z"),
                Duration.ofSeconds(5)),
            new CircuitStateTransition(
                "payments",
                CircuitState.OPEN,
                CircuitState.HALF_OPEN,
                Instant.parse("2026-01-01T00:01:05Z"),
                Duration.ofSeconds(60)));
    assertThat(events.get(0))
        .hasToString("Circuit breaker 'payments' CLOSED -> OPEN at 2026-01-01T00:00:05Z after 5s");
  }

  @Test
  void furtherFailuresWhileOpenAnnounceNothing() {
    CircuitBreaker breaker = breaker().onStateChange(events::add).build();
    for (int i = 0; i < 5; i++) {
      breaker.tryAcquirePermission();
    }

    fail(breaker, 2);
    breaker.onError(0L, Calls.BOOM);
    breaker.onError(0L, Calls.BOOM);

    assertThat(events).hasSize(1);
  }

  @Test
  void listenersRunInRegistrationOrderBuilderListenersFirst() {
    List<String> calls = new CopyOnWriteArrayList<>();
    CircuitBreaker breaker =
        breaker()
            .onStateChange(t -> calls.add("builder 1"))
            .onStateChange(t -> calls.add("builder 2"))
            .build()
            .onStateChange(t -> calls.add("breaker 1"))
            .onStateChange(t -> calls.add("breaker 2"));

    breaker.forceOpen();

    assertThat(calls).containsExactly("builder 1", "builder 2", "breaker 1", "breaker 2");
  }

  @Test
  void listenersHearTransitionsWhileTheBreakerLogIsOff() {
    CircuitBreaker breaker = breaker().onStateChange(events::add).build();

    try (CapturedLog off = CapturedLog.attach("io.backon.breaker", Level.OFF)) {
      fail(breaker, 2);

      assertThat(off.lines()).isEmpty();
    }
    assertThat(events).extracting(CircuitStateTransition::to).containsExactly(CircuitState.OPEN);
  }

  @Test
  void aThrowingListenerIsLoggedAndIgnored() {
    CircuitBreaker breaker =
        breaker()
            .onStateChange(
                t -> {
                  throw new IllegalStateException("listener bug");
                })
            .onStateChange(events::add)
            .build();

    fail(breaker, 2);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(events).hasSize(1);
    assertThat(log.records())
        .filteredOn(record -> record.getThrown() != null)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getLoggerName()).isEqualTo("io.backon.breaker");
              assertThat(record.getMessage())
                  .isEqualTo(
                      "A state-change listener of circuit breaker"
                          + " 'payments' failed on CLOSED -> OPEN; ignored");
              assertThat(record.getThrown()).hasMessage("listener bug");
            });
  }

  @Test
  void aThrowingListenerDoesNotBreakTheCallThatTrippedTheBreaker() throws Exception {
    CircuitBreaker breaker =
        breaker()
            .onStateChange(
                t -> {
                  throw new IllegalStateException("listener bug");
                })
            .build();
    breaker.call(() -> "warm up");

    for (int i = 0; i < 2; i++) {
      try {
        breaker.call(
            () -> {
              throw Calls.BOOM;
            });
      } catch (java.io.IOException expected) {
        assertThat(expected).isSameAs(Calls.BOOM);
      }
    }

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(log.records())
        .filteredOn(record -> record.getThrown() != null)
        .extracting(LogRecord::getLevel)
        .containsExactly(Level.WARNING);
  }

  /**
   * DESIGN §3: "A throwing listener is logged and never breaks the call". StateListeners.publish
   * catches only RuntimeException, so a listener throwing an Error (AssertionError,
   * NoClassDefFoundError, ...) escapes from onError()/tryAcquirePermission() of the call that made
   * the transition, and the listeners after it are skipped.
   */
  @Test
  void aListenerThrowingAnErrorNeitherBreaksTheCallNorSilencesLaterListeners() {
    List<CircuitStateTransition> seen = new CopyOnWriteArrayList<>();
    CircuitBreaker breaker =
        CircuitBreaker.builder("listeners")
            .clock(clock)
            .failureThreshold(1)
            .onStateChange(
                t -> {
                  throw new AssertionError("broken listener");
                })
            .onStateChange(seen::add)
            .build();

    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThatCode(() -> breaker.onError(0L, Calls.BOOM)).doesNotThrowAnyException();

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(seen).extracting(CircuitStateTransition::to).containsExactly(CircuitState.OPEN);
  }
}
