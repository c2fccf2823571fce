package io.backon.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.GiveUpReason;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The README's "Circuit breaker" snippet, compiled as written and held to its text. */
class ReadmeCircuitBreakerExamplesTest {

  private final FakeClock clock = new FakeClock();
  private final RecordingLog log = new RecordingLog();
  private final Payments payments = new Payments();
  private final Order order = new Order("o-1");

  /** The snippet's breaker, on fake time. */
  private CircuitBreaker readmeBreaker() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .failureThreshold(5) // 5 consecutive failures open it (default)
            .countBasedWindow(100)
            .minimumCalls(20)
            .failureRateThreshold(50) // or a failure-rate window
            .slowCallDuration(Duration.ofSeconds(2))
            .slowCallRateThreshold(80)
            .recoveryTimeout(Duration.ofSeconds(60)) // OPEN → HALF_OPEN (default 60 s)
            .recoveryBackoff(
                2.0, Duration.ofMinutes(10)) // optional: longer open time on repeated trips
            .halfOpenMaxCalls(1)
            .successThreshold(1)
            .ignoreOn(IllegalArgumentException.class)
            .onStateChange(t -> log.warn("{}: {} -> {}", t.breakerName(), t.from(), t.to()))
            .clock(clock)
            .build();
    return breaker;
  }

  @Test
  void fiveConsecutiveFailuresOpenItAndARejectedCallThrowsCircuitOpenException() throws Exception {
    CircuitBreaker breaker = readmeBreaker();
    payments.failing = true;
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> breaker.call(() -> payments.charge(order)))
          .isInstanceOf(IOException.class);
    }

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> breaker.call(() -> payments.charge(order)))
        .isInstanceOfSatisfying(
            CircuitOpenException.class,
            open -> {
              assertThat(open.breakerName()).isEqualTo("payments");
              assertThat(open.state()).isEqualTo(CircuitState.OPEN);
              assertThat(open.remainingOpenTime()).isEqualTo(Duration.ofSeconds(60));
            });
    assertThat(payments.calls).isEqualTo(5);
    assertThat(log.lines).containsExactly("payments: CLOSED -> OPEN");
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }

  @Test
  void ignoredFailuresDoNotCountTowardsOpening() {
    CircuitBreaker breaker = readmeBreaker();
    payments.failure = new IllegalArgumentException("bad order");
    payments.failing = true;
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> breaker.call(() -> payments.charge(order)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void afterTheRecoveryTimeoutOneTrialSuccessClosesIt() throws Exception {
    CircuitBreaker breaker = readmeBreaker();
    Calls.fail(breaker, 5);

    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.remainingOpenTime()).isZero();
    assertThat(breaker.call(() -> payments.charge(order))).isEqualTo("charged o-1");

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(log.lines)
        .containsExactly(
            "payments: CLOSED -> OPEN",
            "payments: OPEN -> HALF_OPEN",
            "payments: HALF_OPEN -> CLOSED");
  }

  @Test
  void aRepeatedTripStaysOpenTwiceAsLong() {
    CircuitBreaker breaker = readmeBreaker();
    Calls.fail(breaker, 5);
    clock.advance(Duration.ofSeconds(60));
    Calls.fail(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.remainingOpenTime()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void theFailureRateWindowOpensItToo() {
    CircuitBreaker breaker = readmeBreaker();
    for (int i = 0; i < 10; i++) {
      Calls.fail(breaker, 1);
      Calls.succeed(breaker, 1);
    }

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(breaker.snapshot().failureRate()).isEqualTo(50.0);
  }

  @Test
  void insideARetryPolicyAnOpenBreakerEndsTheCallAtOnce() {
    CircuitBreaker breaker = readmeBreaker();
    breaker.forceOpen();
    List<GiveUpReason> reasons = new ArrayList<>();

    RetryPolicy policy =
        RetryPolicy.builder()
            .circuitBreaker(breaker)
            .sleeper(new ManualSleeper(clock))
            .clock(clock)
            .giveUpLogLevel(Level.OFF)
            .onGiveUp(event -> reasons.add(event.giveUpReason()))
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(() -> payments.charge(order)))
        .isInstanceOf(CircuitOpenException.class);
    assertThat(payments.calls).isZero();
    assertThat(reasons).containsExactly(GiveUpReason.NOT_RETRYABLE);
  }

  @Test
  void manualStatesAndReset() {
    CircuitBreaker breaker = readmeBreaker();

    breaker.forceOpen();
    assertThat(breaker.state()).isEqualTo(CircuitState.FORCED_OPEN);
    breaker.disable();
    assertThat(breaker.state()).isEqualTo(CircuitState.DISABLED);
    breaker.halfOpen();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    breaker.close();
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    Calls.fail(breaker, 5);
    breaker.reset();
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().failedCalls()).isZero();
  }

  @Test
  void aRegistrySharesItsDefaultsBetweenNamedBreakers() {
    CircuitBreakerConfig defaults =
        CircuitBreaker.builder("defaults").failureThreshold(2).buildConfig();

    CircuitBreaker inventory = CircuitBreakerRegistry.of(defaults).breaker("inventory");

    assertThat(inventory.name()).isEqualTo("inventory");
    Calls.fail(inventory, 2);
    assertThat(inventory.state()).isEqualTo(CircuitState.OPEN);
  }

  /** An order to charge. */
  record Order(String id) {}

  /** A payment service that fails while {@code failing}. */
  static final class Payments {
    boolean failing;
    Exception failure = new IOException("503");
    int calls;

    String charge(Order order) throws Exception {
      calls++;
      if (failing) {
        throw failure;
      }
      return "charged " + order.id();
    }
  }

  /** The snippet's {@code log}: formats SLF4J-style lines into a list. */
  static final class RecordingLog {
    final List<String> lines = new ArrayList<>();

    void warn(String pattern, @Nullable Object... arguments) {
      String line = pattern;
      for (Object argument : arguments) {
        line = line.replaceFirst("\\{}", String.valueOf(argument));
      }
      lines.add(line);
    }
  }
}
