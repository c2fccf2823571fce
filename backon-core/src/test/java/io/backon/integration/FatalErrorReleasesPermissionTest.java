package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitState;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A {@link VirtualMachineError} from the target is no verdict on the service: it reaches the caller
 * and the attempt gives its breaker permission back, on the blocking and the async face.
 */
class FatalErrorReleasesPermissionTest {

  private final CircuitBreaker breaker =
      CircuitBreaker.builder("inventory").halfOpenMaxCalls(1).successThreshold(1).build();

  private Retrying retrying() {
    breaker.halfOpen();
    return Retrying.of(
        RetryPolicy.builder()
            .circuitBreaker(breaker)
            .maxTries(1)
            .giveUpLogLevel(Level.OFF)
            .build());
  }

  private static String overflow() {
    throw new StackOverflowError("simulated deep recursion in the target");
  }

  private static CompletionStage<String> overflowAsync() {
    throw new StackOverflowError("simulated deep recursion in the async target");
  }

  @Test
  void aBlockingAttemptEndedByAVirtualMachineErrorReleasesItsTrialPermission() {
    Retrying retrying = retrying();

    assertThatThrownBy(() -> retrying.call(FatalErrorReleasesPermissionTest::overflow))
        .isInstanceOf(StackOverflowError.class);

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("the trial slot is free again").isTrue();
  }

  @Test
  void anAsyncAttemptEndedByAVirtualMachineErrorReleasesItsTrialPermission() {
    Retrying retrying = retrying();

    assertThatThrownBy(() -> retrying.callAsync(FatalErrorReleasesPermissionTest::overflowAsync))
        .isInstanceOf(StackOverflowError.class);

    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    assertThat(breaker.tryAcquirePermission()).as("the trial slot is free again").isTrue();
  }
}
