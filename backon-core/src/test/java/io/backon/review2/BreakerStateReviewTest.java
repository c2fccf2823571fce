package io.backon.review2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.backon.testing.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Review 2: state machine edge cases. */
class BreakerStateReviewTest {

  private static final IOException BOOM = new IOException("boom");

  private final FakeClock clock = new FakeClock();

  /**
   * DESIGN §3: "A throwing listener is logged and never breaks the call". StateListeners.publish
   * catches only RuntimeException, so a listener throwing an Error (AssertionError,
   * NoClassDefFoundError, ...) escapes from onError()/tryAcquirePermission() of the call that made
   * the transition, and the listeners after it are skipped.
   */
  @Test
  void aListenerThrowingAnErrorNeitherBreaksTheCallNorSilencesLaterListeners() {
    List<CircuitStateTransition> seen = new CopyOnWriteArrayList<>();
    CircuitBreaker breaker = CircuitBreaker.builder("listeners").clock(clock).failureThreshold(1)
        .onStateChange(t -> {
          throw new AssertionError("broken listener");
        })
        .onStateChange(seen::add)
        .build();

    assertThat(breaker.tryAcquirePermission()).isTrue();
    assertThatCode(() -> breaker.onError(0L, BOOM)).doesNotThrowAnyException();

    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    assertThat(seen).extracting(CircuitStateTransition::to).containsExactly(CircuitState.OPEN);
  }

  /**
   * CircuitBreaker.call catches Throwable and hands a VirtualMachineError to onError, where (not an
   * Exception, not ignored) it counts as a SUCCESS: a trial that ran out of memory closes the
   * breaker. The engine's GuardedCopy releases the permission for a VirtualMachineError instead
   * (no verdict); call() should do the same.
   */
  @Test
  void aTrialDyingOfAVirtualMachineErrorDoesNotCloseTheBreaker() {
    CircuitBreaker breaker = CircuitBreaker.builder("vmerror").clock(clock).failureThreshold(1)
        .recoveryTimeout(Duration.ofSeconds(10)).build();
    assertThatThrownBy(() -> breaker.call(() -> {
      throw BOOM;
    })).isSameAs(BOOM);
    clock.advance(Duration.ofSeconds(10));

    OutOfMemoryError oom = new OutOfMemoryError("trial ran out of memory");
    assertThatThrownBy(() -> breaker.call(() -> {
      throw oom;
    })).isSameAs(oom);

    assertThat(breaker.state()).as("an OOM is no evidence that the downstream recovered")
        .isNotEqualTo(CircuitState.CLOSED);
  }
}
