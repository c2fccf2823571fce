package io.backon.wait;

import io.backon.RetryState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** A settable {@link RetryState} with a seeded random, for testing waits and jitter. */
final class TestRetryState implements RetryState {

  static final long SEED = 42L;

  private int attemptNumber = 1;
  private long elapsedNanos;
  private long previousWaitNanos;
  private long idleNanos;
  private @Nullable Throwable lastFailure;
  private @Nullable Object lastResult;
  private RandomGenerator random = new SplittableRandom(SEED);

  /** A state after attempt 1, which failed with nothing, seeded with {@link #SEED}. */
  TestRetryState() {}

  /** A fresh state after attempt {@code attemptNumber}, seeded with {@link #SEED}. */
  static TestRetryState afterAttempt(int attemptNumber) {
    return new TestRetryState().attempt(attemptNumber);
  }

  TestRetryState attempt(int attemptNumber) {
    this.attemptNumber = attemptNumber;
    return this;
  }

  TestRetryState previousWait(Duration previousWait) {
    this.previousWaitNanos = previousWait.toNanos();
    return this;
  }

  TestRetryState previousWaitNanos(long previousWaitNanos) {
    this.previousWaitNanos = previousWaitNanos;
    return this;
  }

  TestRetryState elapsed(Duration elapsed) {
    this.elapsedNanos = elapsed.toNanos();
    return this;
  }

  TestRetryState failure(Throwable failure) {
    this.lastFailure = failure;
    this.lastResult = null;
    return this;
  }

  TestRetryState result(@Nullable Object result) {
    this.lastResult = result;
    this.lastFailure = null;
    return this;
  }

  TestRetryState seed(long seed) {
    this.random = new SplittableRandom(seed);
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
    return 0L;
  }

  @Override
  public long previousWaitNanos() {
    return previousWaitNanos;
  }

  @Override
  public long idleNanos() {
    return idleNanos;
  }

  @Override
  public boolean failed() {
    return lastFailure != null;
  }

  @Override
  public @Nullable Throwable lastFailure() {
    return lastFailure;
  }

  @Override
  public @Nullable Object lastResult() {
    return lastResult;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }
}
