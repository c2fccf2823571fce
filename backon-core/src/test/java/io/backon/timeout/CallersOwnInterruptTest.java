package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.testfixtures.FakeTime;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.testing.ManualSleeper;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking caller whose thread is interrupted (here: before the call) keeps its interrupt when an
 * attempt also runs past its time limit: Backon clears only the interrupt its own timer delivered,
 * so the call stops retrying at once and the flag is still set when it returns.
 */
class CallersOwnInterruptTest {

  private final FakeClock clock = new FakeClock();
  private final AtomicInteger attempts = new AtomicInteger();

  @AfterEach
  void clearTheFlag() {
    Thread.interrupted();
  }

  private RetryPolicyBuilder policy() {
    return RetryPolicy.builder()
        .clock(clock)
        .scheduler(new ManualScheduler(clock))
        .sleeper(new ManualSleeper(clock))
        .wait(Wait.constant(Duration.ofSeconds(1)))
        .jitter(Jitter.none())
        .maxTries(5)
        .backoffLogLevel(Level.OFF)
        .giveUpLogLevel(Level.OFF);
  }

  /** A target that ignores interrupts and runs for two seconds of fake time. */
  private String stubbornTarget() {
    attempts.incrementAndGet();
    FakeTime.spinIgnoringInterrupts(clock, Duration.ofSeconds(2));
    return "late";
  }

  @Test
  void anAttemptTimeoutKeepsTheCallersInterruptAndStopsRetrying() {
    Retrying retrying = Retrying.of(policy().attemptTimeout(Duration.ofSeconds(1)).build());

    Thread.currentThread().interrupt();
    Throwable thrown = catchThrowable(() -> retrying.call(this::stubbornTarget));

    assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt").isTrue();
    assertThat(thrown).isInstanceOf(AttemptTimeoutException.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void aDeadlineKeepsTheCallersInterrupt() {
    Retrying retrying = Retrying.of(policy().deadline(Duration.ofSeconds(1)).build());

    Thread.currentThread().interrupt();
    Throwable thrown = catchThrowable(() -> retrying.call(this::stubbornTarget));

    assertThat(Thread.currentThread().isInterrupted()).as("the caller's interrupt").isTrue();
    assertThat(thrown).isInstanceOf(DeadlineExceededException.class);
    assertThat(attempts).hasValue(1);
  }
}
