package io.backon.stop;

import io.backon.RetryState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** A settable {@link RetryState} for tests: attempt number, elapsed time and upcoming wait. */
final class TestRetryState implements RetryState {

  private static final Throwable FAILURE = new IllegalStateException("attempt failed");

  private int attemptNumber = 1;
  private long elapsedNanos;
  private long upcomingWaitNanos;

  /** A state after attempt {@code attemptNumber}, with nothing elapsed and no wait ahead. */
  static TestRetryState afterAttempt(int attemptNumber) {
    return new TestRetryState().attempt(attemptNumber);
  }

  /** A state after attempt 1 that has run for {@code elapsed}. */
  static TestRetryState afterRunningFor(Duration elapsed) {
    return new TestRetryState().elapsed(elapsed);
  }

  TestRetryState attempt(int attemptNumber) {
    this.attemptNumber = attemptNumber;
    return this;
  }

  TestRetryState elapsed(Duration elapsed) {
    return elapsedNanos(elapsed.toNanos());
  }

  TestRetryState elapsedNanos(long elapsedNanos) {
    this.elapsedNanos = elapsedNanos;
    return this;
  }

  TestRetryState upcomingWait(Duration wait) {
    return upcomingWaitNanos(wait.toNanos());
  }

  TestRetryState upcomingWaitNanos(long upcomingWaitNanos) {
    this.upcomingWaitNanos = upcomingWaitNanos;
    return this;
  }

  @Override
  public int attemptNumber() {
    return attemptNumber;
  }

  @Override
  public long elapsedNanos() {
    return elapsedNanos;
  }

  @Override
  public long upcomingWaitNanos() {
    return upcomingWaitNanos;
  }

  @Override
  public long previousWaitNanos() {
    return 0;
  }

  @Override
  public long idleNanos() {
    return 0;
  }

  @Override
  public boolean failed() {
    return true;
  }

  @Override
  public @Nullable Throwable lastFailure() {
    return FAILURE;
  }

  @Override
  public @Nullable Object lastResult() {
    return null;
  }

  @Override
  public RandomGenerator random() {
    return new SplittableRandom(42);
  }

  @Override
  public String toString() {
    return "attempt "
        + attemptNumber
        + ", elapsed "
        + elapsedNanos
        + " ns, wait "
        + upcomingWaitNanos
        + " ns";
  }
}
