package io.backon.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A deadline only takes the verdict from the attempt it cuts, never from one that ended in time.
 */
class BreakerUnderDeadlineTest {

  @Test
  void attemptsThatFailBeforeTheDeadlineAreFailuresForTheBreaker() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("inventory")
            .failureThreshold(10)
            .countBasedWindow(50)
            .minimumCalls(50)
            .build();
    Retrying retrying =
        Retrying.of(
            RetryPolicy.builder()
                .circuitBreaker(breaker)
                .deadline(Duration.ofMinutes(1))
                .wait(Wait.none())
                .maxTries(3)
                .giveUpLogLevel(Level.OFF)
                .build());

    assertThatThrownBy(
            () ->
                retrying.call(
                    () -> {
                      throw new IOException("down");
                    }))
        .isInstanceOf(IOException.class);

    assertThat(breaker.snapshot().failedCalls()).isEqualTo(3);
  }
}
