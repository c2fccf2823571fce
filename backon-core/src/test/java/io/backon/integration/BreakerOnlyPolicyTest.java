package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.breaker.CircuitOpenException;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A policy whose only layer is a circuit breaker, with no listeners, deadline or instrumentation:
 * the blocking face applies the breaker inline, without per-call state until an attempt fails. The
 * breaker must still see every attempt exactly as it does through the full pipeline.
 */
class BreakerOnlyPolicyTest {

  private static final Duration SLOW = Duration.ofSeconds(2);

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger invocations = new AtomicInteger();
  private final List<Integer> attemptNumbers = new CopyOnWriteArrayList<>();

  private CircuitBreaker breaker() {
    return CircuitBreaker.builder("stock")
        .clock(clock)
        .countBasedWindow(50)
        .minimumCalls(50)
        .failureThreshold(10)
        .slowCallDuration(SLOW)
        .ignoreOn(IllegalArgumentException.class)
        .build();
  }

  private Retrying retrying(CircuitBreaker breaker) {
    return Retrying.of(
        RetryPolicy.builder()
            .maxTries(3)
            .circuitBreaker(breaker)
            .clock(clock)
            .sleeper(new ManualSleeper(clock))
            .wait(Wait.none())
            .jitter(Jitter.none())
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF)
            .build());
  }

  /** Fails with {@code failure} on the first {@code failures} calls, then answers. */
  private String failing(int failures, RuntimeException failure) {
    attemptNumbers.add(Retries.attemptNumber());
    if (invocations.incrementAndGet() <= failures) {
      throw failure;
    }
    return "42 in stock";
  }

  @Test
  void aFirstAttemptSuccessIsRecordedAsOneSuccessfulCall() throws Exception {
    CircuitBreaker breaker = breaker();

    assertThat(retrying(breaker).call(() -> failing(0, new IllegalStateException())))
        .isEqualTo("42 in stock");

    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(1);
    assertThat(snapshot.failedCalls()).isZero();
    assertThat(attemptNumbers).containsExactly(1);
  }

  @Test
  void aFailedFirstAttemptIsRecordedAndRetriedThroughTheBreaker() throws Exception {
    CircuitBreaker breaker = breaker();

    String value = retrying(breaker).call(() -> failing(1, new IllegalStateException("down")));

    assertThat(value).isEqualTo("42 in stock");
    CircuitBreakerSnapshot snapshot = breaker.snapshot();
    assertThat(snapshot.bufferedCalls()).isEqualTo(2);
    assertThat(snapshot.failedCalls()).isEqualTo(1);
    assertThat(snapshot.consecutiveFailures()).as("reset by the success").isZero();
    assertThat(attemptNumbers).containsExactly(1, 2);
  }

  @Test
  void aFailureTheBreakerIgnoresReleasesThePermissionAndIsRetried() throws Exception {
    CircuitBreaker breaker = breaker();
    breaker.halfOpen();

    String value = retrying(breaker).call(() -> failing(1, new IllegalArgumentException("bad")));

    assertThat(value).isEqualTo("42 in stock");
    assertThat(breaker.snapshot().failedCalls()).isZero();
    assertThat(attemptNumbers).containsExactly(1, 2);
  }

  @Test
  void anOpenBreakerRejectsTheFirstAttemptWithoutCallingTheTarget() {
    CircuitBreaker breaker = breaker();
    breaker.forceOpen();

    Throwable thrown =
        catchThrowable(() -> retrying(breaker).call(() -> failing(0, new IllegalStateException())));

    assertThat(thrown).isInstanceOf(CircuitOpenException.class);
    assertThat(invocations).hasValue(0);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }

  @Test
  void aSlowAttemptIsTimedOnThePolicyClockAndCountedAsSlow() throws Exception {
    CircuitBreaker breaker = breaker();

    retrying(breaker)
        .call(
            () -> {
              clock.advance(SLOW.plusMillis(1));
              return "late";
            });
    retrying(breaker).call(() -> "on time");

    assertThat(breaker.snapshot().bufferedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
  }

  @Test
  void theGivenUpCallThrowsTheLastFailureUnchangedAfterRecordingEveryAttempt() {
    CircuitBreaker breaker = breaker();
    IllegalStateException down = new IllegalStateException("down");

    Throwable thrown = catchThrowable(() -> retrying(breaker).call(() -> failing(9, down)));

    assertThat(thrown).isSameAs(down);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(3);
    assertThat(attemptNumbers).containsExactly(1, 2, 3);
  }

  @Test
  void aCheckedFailurePassesThroughTheBreakerUnchanged() {
    CircuitBreaker breaker = breaker();
    IOException offline = new IOException("offline");

    Throwable thrown =
        catchThrowable(
            () ->
                retrying(breaker)
                    .call(
                        () -> {
                          invocations.incrementAndGet();
                          throw offline;
                        }));

    assertThat(thrown).isSameAs(offline);
    assertThat(invocations).hasValue(3);
    assertThat(breaker.snapshot().failedCalls()).isEqualTo(3);
  }
}
