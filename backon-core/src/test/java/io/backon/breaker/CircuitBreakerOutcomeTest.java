package io.backon.breaker;

import static io.backon.breaker.Calls.BOOM;
import static io.backon.breaker.Calls.fail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.testing.FakeClock;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which outcomes count as failures, successes or nothing, and the standalone {@code call}. */
class CircuitBreakerOutcomeTest {

  private final FakeClock clock = new FakeClock();

  private CircuitBreakerBuilder breaker() {
    return CircuitBreaker.builder("payments").clock(clock).failureThreshold(2);
  }

  private static void report(CircuitBreaker breaker, int times, Throwable failure) {
    for (int i = 0; i < times; i++) {
      assertThat(breaker.tryAcquirePermission()).isTrue();
      breaker.onError(0L, failure);
    }
  }

  @Test
  void anyExceptionCountsAsAFailureByDefault() {
    CircuitBreaker breaker = breaker().build();

    report(breaker, 1, new IOException("checked"));
    report(breaker, 1, new IllegalStateException("unchecked"));

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void anErrorIsNotRecordedByDefaultAndCountsAsASuccess() {
    CircuitBreaker breaker = breaker().build();

    fail(breaker, 1);
    report(breaker, 1, new AssertionError("not the downstream's fault"));
    fail(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void recordOnNarrowsWhatCountsAsAFailure() {
    CircuitBreaker breaker = breaker().recordOn(IOException.class).build();

    report(breaker, 3, new IllegalArgumentException("bad request"));
    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    report(breaker, 2, new FileNotFoundException("subtype of IOException"));

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void anIgnoredFailureCountsAsNeitherSuccessNorFailure() {
    CircuitBreaker breaker = breaker().ignoreOn(IllegalArgumentException.class).build();

    fail(breaker, 1);
    report(breaker, 3, new IllegalArgumentException("ignored"));
    assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(1);
    fail(breaker, 1);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void ignoringWinsOverRecording() {
    CircuitBreaker breaker =
        breaker().recordOn(IOException.class).ignoreOn(FileNotFoundException.class).build();

    report(breaker, 5, new FileNotFoundException("ignored"));

    assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
  }

  @Test
  void recordResultMarksMatchingValuesAsFailures() {
    CircuitBreaker breaker = breaker().recordResult(v -> v == null || "busy".equals(v)).build();

    breaker.tryAcquirePermission();
    breaker.onResult(0L, "busy");
    breaker.tryAcquirePermission();
    breaker.onResult(0L, null);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void valuesNotMatchingTheResultPredicateAreSuccesses() {
    CircuitBreaker breaker = breaker().recordResult(v -> v == null).build();
    fail(breaker, 1);

    breaker.tryAcquirePermission();
    breaker.onResult(0L, "fine");

    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
  }

  @Test
  void everyValueIsASuccessWithoutAResultPredicate() {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 1);

    breaker.tryAcquirePermission();
    breaker.onResult(0L, null);

    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
  }

  @Test
  void aThrowingResultPredicateReleasesThePermissionAndPropagates() {
    CircuitBreaker breaker =
        breaker()
            .failureThreshold(1)
            .recordResult(
                v -> {
                  throw new IllegalStateException("predicate bug");
                })
            .build();
    fail(breaker, 1);
    clock.advance(Duration.ofSeconds(60));
    assertThat(breaker.tryAcquirePermission()).isTrue();

    assertThatThrownBy(() -> breaker.onResult(0L, "x")).hasMessage("predicate bug");

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("the trial slot was freed").isTrue();
  }

  @Test
  void callReturnsTheTargetsValueAndRecordsASuccess() throws Exception {
    CircuitBreaker breaker = breaker().build();
    fail(breaker, 1);

    assertThat(breaker.call(() -> "ok")).isEqualTo("ok");

    assertThat(breaker.snapshot().consecutiveFailures()).isZero();
  }

  @Test
  void callRethrowsACheckedFailureUnchangedAndRecordsIt() {
    CircuitBreaker breaker = breaker().build();

    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw BOOM;
                    }))
        .isSameAs(BOOM);

    assertThat(breaker.snapshot().consecutiveFailures()).isEqualTo(1);
  }

  @Test
  void callRethrowsAnErrorUnchanged() {
    CircuitBreaker breaker = breaker().build();
    AssertionError error = new AssertionError("boom");

    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw error;
                    }))
        .isSameAs(error);
  }

  /**
   * CircuitBreaker.call catches Throwable and hands a VirtualMachineError to onError, where (not an
   * Exception, not ignored) it counts as a SUCCESS: a trial that ran out of memory closes the
   * breaker. The engine's GuardedCopy releases the permission for a VirtualMachineError instead (no
   * verdict); call() should do the same.
   */
  @Test
  void aTrialDyingOfAVirtualMachineErrorDoesNotCloseTheBreaker() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("vmerror")
            .clock(clock)
            .failureThreshold(1)
            .recoveryTimeout(Duration.ofSeconds(10))
            .build();
    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw BOOM;
                    }))
        .isSameAs(BOOM);
    clock.advance(Duration.ofSeconds(10));

    OutOfMemoryError oom = new OutOfMemoryError("trial ran out of memory");
    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw oom;
                    }))
        .isSameAs(oom);

    assertThat(breaker.state())
        .as("an OOM is no evidence that the downstream recovered")
        .isNotEqualTo(CircuitState.CLOSED);
  }

  @Test
  void aTrialDyingOfAVirtualMachineErrorInCallFreesItsSlot() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("vmerror")
            .clock(clock)
            .failureThreshold(1)
            .recoveryTimeout(Duration.ofSeconds(10))
            .build();
    fail(breaker, 1);
    clock.advance(Duration.ofSeconds(10));
    StackOverflowError overflow = new StackOverflowError("trial");

    assertThatThrownBy(
            () ->
                breaker.call(
                    () -> {
                      throw overflow;
                    }))
        .isSameAs(overflow);

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("the only trial slot is free again").isTrue();
  }

  @Test
  void callAppliesTheResultPredicate() throws Exception {
    CircuitBreaker breaker = breaker().recordResult(v -> v == null).build();

    breaker.call(() -> null);
    breaker.call(() -> null);

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void callDoesNotRunTheTargetWhenRejected() {
    CircuitBreaker breaker = breaker().build();
    breaker.forceOpen();
    AtomicInteger runs = new AtomicInteger();

    assertThatThrownBy(() -> breaker.call(runs::incrementAndGet))
        .isInstanceOf(CircuitOpenException.class);

    assertThat(runs).hasValue(0);
    assertThat(breaker.snapshot().rejectedCalls()).isEqualTo(1);
  }

  @Test
  void callTimesTheTargetWithTheBreakersClock() throws Exception {
    CircuitBreaker breaker =
        breaker().countBasedWindow(2).slowCallDuration(Duration.ofSeconds(2)).build();

    breaker.call(() -> clock.advance(Duration.ofSeconds(3)));
    breaker.call(() -> clock.advance(Duration.ofSeconds(1)));

    assertThat(breaker.snapshot().slowCalls()).isEqualTo(1);
  }

  @Test
  void callTimesAFailingTargetToo() {
    CircuitBreaker breaker =
        breaker().countBasedWindow(2).slowCallDuration(Duration.ofSeconds(2)).build();

    for (Duration took : List.of(Duration.ofSeconds(1), Duration.ofSeconds(3))) {
      assertThatThrownBy(
              () ->
                  breaker.call(
                      () -> {
                        clock.advance(took);
                        throw BOOM;
                      }))
          .isSameAs(BOOM);
    }

    assertThat(breaker.snapshot().failedCalls()).isEqualTo(2);
    assertThat(breaker.snapshot().slowCalls()).as("only the 3 s failure was slow").isEqualTo(1);
  }
}
