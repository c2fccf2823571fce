package io.backon.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Attempt;
import io.backon.Attempts;
import io.backon.CapturedLog;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.hedge.HedgingPolicy;
import io.backon.testing.BackonTesting;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.testing.TestScope;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * The instrumentation SPI seen from the blocking faces: order of events, outcomes, durations on the
 * policy's clock (each attempt takes 10 ms of fake time, each back-off 100 ms), and the attempt's
 * scope open while its target runs.
 */
class SyncInstrumentationTest {

  private static final Duration TEN_MS = Duration.ofMillis(10);

  private final FakeClock clock = new FakeClock();
  private final RecordingInstrumentation instrumentation = new RecordingInstrumentation();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<Integer> scopes = new CopyOnWriteArrayList<>();

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .name("p")
        .clock(clock)
        .sleeper(new ManualSleeper(clock))
        .wait(Wait.constant(Duration.ofMillis(100)))
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.OFF)
        .giveUpLogLevel(System.Logger.Level.OFF)
        .instrumentation(instrumentation);
  }

  /** Takes 10 ms, records the attempt in scope, fails {@code failures} times, then returns "ok". */
  private String flaky(int failures) throws IOException {
    clock.advance(TEN_MS);
    scopes.add(instrumentation.attemptInScope());
    if (calls.incrementAndGet() <= failures) {
      throw new IOException("down");
    }
    return "ok";
  }

  @Test
  void aRetriedCallReportsEachAttemptThenTheCallInOrder() throws Exception {
    String value = Retrying.of(policy().build()).call(() -> flaky(2));

    assertThat(value).isEqualTo("ok");
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended failure IOException 10ms",
            "attempt 2 started",
            "attempt 2 ended failure IOException 10ms",
            "attempt 3 started",
            "attempt 3 ended success none 10ms",
            "call ended success_with_retry none 3 230ms");
  }

  @Test
  void theTargetRunsInsideItsAttemptsScopeAndNothingStaysOpenAfterwards() throws Exception {
    Retrying.of(policy().build()).call(() -> flaky(1));

    assertThat(scopes).containsExactly(1, 2);
    assertThat(instrumentation.attemptInScope()).isZero();
  }

  @Test
  void aFirstAttemptSuccessIsASuccessWithoutRetry() {
    Retrying.of(policy().build()).get(() -> "ok");

    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended success none 0ms",
            "call ended success_without_retry none 1 0ms");
  }

  @Test
  void aCallThatGivesUpAfterRetryingEndsWithTheFailureTheCallerSees() {
    Retrying retrying = Retrying.of(policy().maxTries(2).build());

    assertThatThrownBy(() -> retrying.run(() -> flaky(5))).isInstanceOf(IOException.class);
    assertThat(instrumentation.events)
        .last()
        .isEqualTo("call ended failure_with_retry IOException 2 120ms");
  }

  @Test
  void aNotRetryableFailureIsAFailureWithoutRetry() {
    Retrying retrying = Retrying.of(policy().abortOn(IOException.class).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5))).isInstanceOf(IOException.class);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended failure IOException 10ms",
            "call ended failure_without_retry IOException 1 10ms");
  }

  @Test
  void aFallbackEndsTheCallAsFallbackWithTheLastFailure() throws Exception {
    Retrying retrying = Retrying.of(policy().maxTries(2).fallback(event -> "cached").build());

    assertThat(retrying.call(() -> flaky(5))).isEqualTo("cached");
    assertThat(instrumentation.events).last().isEqualTo("call ended fallback IOException 2 120ms");
  }

  @Test
  void aFallbackThatThrowsEndsTheCallAsFailureWithItsException() {
    Retrying retrying =
        Retrying.of(
            policy()
                .maxTries(1)
                .fallback(
                    event -> {
                      throw new IllegalStateException("no cache");
                    })
                .build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(instrumentation.events)
        .last()
        .isEqualTo("call ended failure_without_retry IllegalStateException 1 10ms");
  }

  @Test
  void aRejectedValueIsARetryableResult() throws Exception {
    Retrying retrying = Retrying.of(policy().retryIfResult(v -> "bad".equals(v)).build());
    AtomicInteger n = new AtomicInteger();

    assertThat(retrying.call(() -> n.incrementAndGet() == 1 ? "bad" : "good")).isEqualTo("good");
    assertThat(instrumentation.events)
        .contains(
            "attempt 1 ended retryable_result none 0ms",
            "attempt 2 ended success none 0ms",
            "call ended success_with_retry none 2 100ms");
  }

  @Test
  void anOpenBreakerMakesTheAttemptCircuitOpen() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("b");
    breaker.forceOpen();
    Retrying retrying = Retrying.of(policy().circuitBreaker(breaker).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(0)))
        .isInstanceOf(io.backon.breaker.CircuitOpenException.class);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended circuit_open CircuitOpenException 0ms",
            "call ended failure_without_retry CircuitOpenException 1 0ms");
    assertThat(calls).hasValue(0);
  }

  @Test
  void aDisabledCallReportsNothing() throws Exception {
    try (TestScope off = BackonTesting.disableRetries()) {
      Retrying.of(policy().build()).call(() -> flaky(0));
    }
    Retrying.of(policy().enabled(false).build()).call(() -> flaky(0));

    assertThat(instrumentation.events).isEmpty();
  }

  @Test
  void aThrowingInstrumentationIsLoggedAndNeverBreaksTheCall() throws Exception {
    instrumentation.throwingOnAttemptStart(n -> n == 1);
    List<LogRecord> records;
    try (CapturedLog log = CapturedLog.attach()) {
      assertThat(Retrying.of(policy().build()).call(() -> flaky(1))).isEqualTo("ok");
      records = log.records();
    }

    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 2 started",
            "attempt 2 ended success none 10ms",
            "call ended success_with_retry none 2 120ms");
    assertThat(records)
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLevel()).isEqualTo(Level.WARNING);
              assertThat(record.getMessage()).contains("attemptStarted threw");
              assertThat(record.getThrown()).hasMessage("broken instrumentation");
            });
  }

  @Test
  void theIteratorFaceReportsItsAttemptsWithTheScopeOpenInTheLoopBody() throws Exception {
    Attempts<String> attempts = Retrying.of(policy().build()).attempts();
    for (Attempt<String> attempt : attempts) {
      try {
        attempt.succeed(flaky(1));
      } catch (IOException e) {
        attempt.fail(e);
      }
    }

    assertThat(attempts.result()).isEqualTo("ok");
    assertThat(scopes).containsExactly(1, 2);
    assertThat(instrumentation.attemptInScope()).isZero();
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended failure IOException 10ms",
            "attempt 2 started",
            "attempt 2 ended success none 10ms",
            "call ended success_with_retry none 2 120ms");
  }

  @Test
  void theIteratorFaceReportsAnAttemptTheBreakerRejected() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("b");
    breaker.forceOpen();
    Attempts<String> attempts = Retrying.of(policy().circuitBreaker(breaker).build()).attempts();

    assertThat(attempts.iterator().hasNext()).isFalse();
    assertThatThrownBy(attempts::result).isInstanceOf(io.backon.breaker.CircuitOpenException.class);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 ended circuit_open CircuitOpenException 0ms",
            "call ended failure_without_retry CircuitOpenException 1 0ms");
  }

  @Test
  void hedgedCopiesRunInTheirAttemptsScopeAndTheRaceIsReported() throws Exception {
    HedgingPolicy hedging =
        HedgingPolicy.builder()
            .maxHedges(2)
            .executor(Runnable::run)
            .hedgeDelay(Duration.ofSeconds(1))
            .build();
    Retrying retrying = Retrying.of(policy().hedging(hedging).build());

    assertThat(retrying.call(() -> flaky(1))).isEqualTo("ok");
    assertThat(scopes).as("both copies ran in attempt 1's scope").containsExactly(1, 1);
    assertThat(instrumentation.events)
        .containsExactly(
            "call started p",
            "attempt 1 started",
            "attempt 1 hedge hedge_won",
            "attempt 1 ended success none 20ms",
            "call ended success_without_retry none 1 20ms");
  }

  @Test
  void aRaceWhoseCopiesAllFailIsReportedAndTheAttemptFails() {
    HedgingPolicy hedging = HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).build();
    Retrying retrying = Retrying.of(policy().maxTries(1).hedging(hedging).build());

    assertThatThrownBy(() -> retrying.call(() -> flaky(5))).isInstanceOf(IOException.class);
    assertThat(instrumentation.events)
        .containsSubsequence(
            "attempt 1 hedge all_failed", "attempt 1 ended failure IOException 20ms");
  }

  @Test
  void aPrimaryThatWinsIsReported() throws Exception {
    HedgingPolicy hedging = HedgingPolicy.builder().maxHedges(2).executor(Runnable::run).build();

    Retrying.of(policy().hedging(hedging).build()).call(() -> flaky(0));

    assertThat(instrumentation.events).contains("attempt 1 hedge primary_won");
  }
}
