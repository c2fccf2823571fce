package io.backon.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A failing half-open trial reopens the breaker before it gives its trial slot back, so no other
 * caller can take that slot in between and reach a downstream that has just failed again.
 */
class HalfOpenTrialSlotTest {

  /** A clock moved by hand that runs a probe, once, the next time it is read. */
  private static final class ProbingClock implements Clock {
    private long nanos;
    private @Nullable Runnable probe;

    @Override
    public long nanoTime() {
      Runnable once = probe;
      probe = null;
      if (once != null) {
        once.run();
      }
      return nanos;
    }

    @Override
    public Instant wallTime() {
      return Instant.EPOCH.plusNanos(nanos);
    }
  }

  @Test
  void noCallerTakesTheSlotOfAFailingTrialBeforeTheBreakerHasReopened() {
    ProbingClock clock = new ProbingClock();
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .clock(clock)
            .failureThreshold(1)
            .recoveryTimeout(Duration.ofSeconds(1))
            .halfOpenMaxCalls(1)
            .build();
    breaker.onError(0L, new IOException("down"));
    clock.nanos += Duration.ofSeconds(1).toNanos();
    assertThat(breaker.tryAcquirePermission()).as("the trial").isTrue();
    assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    boolean[] admittedMeanwhile = {true};
    clock.probe = () -> admittedMeanwhile[0] = breaker.tryAcquirePermission();

    breaker.onError(0L, new IOException("still down"));

    assertThat(admittedMeanwhile[0])
        .as("a caller asking while the failed trial reopens the breaker")
        .isFalse();
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    clock.nanos += Duration.ofSeconds(10).toNanos();
    assertThat(breaker.tryAcquirePermission())
        .as("the slot was given back: the next trial is admitted")
        .isTrue();
  }
}
