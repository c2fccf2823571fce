package io.backon.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A target that throws a {@link VirtualMachineError} (StackOverflowError, OutOfMemoryError) ends
 * the call at once, but still finishes the attempt's deadline or attempt-timeout guard: no timer is
 * left behind to interrupt the caller later. (The breaker side of the same clean-up is in {@code
 * io.backon.integration.BreakerInRetryPolicyTest}.)
 */
class TimerCleanUpOnErrorTest {

  private final FakeClock clock = new FakeClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static String overflow() {
    throw new StackOverflowError("simulated deep recursion in the target");
  }

  @Test
  void aTargetThrowingAnErrorLeavesNoDeadlineTimerBehindToInterruptTheCallerLater() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .deadline(Duration.ofSeconds(1))
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(TimerCleanUpOnErrorTest::overflow))
        .isInstanceOf(StackOverflowError.class);

    assertThat(scheduler.pendingTasks()).as("deadline timer of the finished call").isZero();
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(Thread.currentThread().isInterrupted())
        .as("caller thread interrupted by the timer of a call that already ended")
        .isFalse();
  }

  @Test
  void aTargetThrowingAnErrorLeavesNoAttemptTimeoutTimerBehindToInterruptTheCallerLater() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .attemptTimeout(Duration.ofSeconds(1))
            .clock(clock)
            .scheduler(scheduler)
            .giveUpLogLevel(Level.OFF)
            .build();

    assertThatThrownBy(() -> Retrying.of(policy).call(TimerCleanUpOnErrorTest::overflow))
        .isInstanceOf(StackOverflowError.class);

    assertThat(scheduler.pendingTasks()).as("attempt-timeout timer of the finished call").isZero();
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(Thread.currentThread().isInterrupted())
        .as("caller thread interrupted by the timer of a call that already ended")
        .isFalse();
  }
}
