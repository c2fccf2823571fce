package io.backon.testfixtures;

import io.backon.RetryState;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A settable {@link RetryState} for testing stops, waits and jitter: attempt number, elapsed time,
 * previous and upcoming wait, last failure or value, and a random seeded with {@link #SEED} (or
 * {@link #seed}). Starts as "after attempt 1, nothing elapsed, no waits, neither failed nor
 * returned". Setters return {@code this}. Not thread-safe.
 */
public final class TestRetryState implements RetryState {

  /** The seed of {@link #random()} unless {@link #seed} sets another. */
  public static final long SEED = 42L;

  private int attemptNumber = 1;
  private long elapsedNanos;
  private long upcomingWaitNanos;
  private long previousWaitNanos;
  private long idleNanos;
  private @Nullable Throwable lastFailure;
  private @Nullable Object lastResult;
  private RandomGenerator random = new SplittableRandom(SEED);

  /** A state after attempt 1, with nothing elapsed, no waits and no outcome. */
  public TestRetryState() {}

  /** A fresh state after attempt {@code attemptNumber}. */
  public static TestRetryState afterAttempt(int attemptNumber) {
    return new TestRetryState().attempt(attemptNumber);
  }

  /** A fresh state after attempt 1 that has run for {@code elapsed}. */
  public static TestRetryState afterRunningFor(Duration elapsed) {
    return new TestRetryState().elapsed(elapsed);
  }

  /** Sets the number of the attempt just made (1-based). */
  public TestRetryState attempt(int attemptNumber) {
    this.attemptNumber = attemptNumber;
    return this;
  }

  /** Sets the time since the call started. */
  public TestRetryState elapsed(Duration elapsed) {
    return elapsedNanos(elapsed.toNanos());
  }

  /** Sets the time since the call started, in nanoseconds. */
  public TestRetryState elapsedNanos(long elapsedNanos) {
    this.elapsedNanos = elapsedNanos;
    return this;
  }

  /** Sets the wait the call would make before the next attempt. */
  public TestRetryState upcomingWait(Duration wait) {
    return upcomingWaitNanos(wait.toNanos());
  }

  /** Sets the wait the call would make before the next attempt, in nanoseconds. */
  public TestRetryState upcomingWaitNanos(long upcomingWaitNanos) {
    this.upcomingWaitNanos = upcomingWaitNanos;
    return this;
  }

  /** Sets the wait made before the attempt just made. */
  public TestRetryState previousWait(Duration previousWait) {
    return previousWaitNanos(previousWait.toNanos());
  }

  /** Sets the wait made before the attempt just made, in nanoseconds. */
  public TestRetryState previousWaitNanos(long previousWaitNanos) {
    this.previousWaitNanos = previousWaitNanos;
    return this;
  }

  /** Makes the attempt just made a failure with {@code failure} (and clears any value). */
  public TestRetryState failure(Throwable failure) {
    this.lastFailure = failure;
    this.lastResult = null;
    return this;
  }

  /** Makes the attempt just made return {@code result} (and clears any failure). */
  public TestRetryState result(@Nullable Object result) {
    this.lastResult = result;
    this.lastFailure = null;
    return this;
  }

  /** Reseeds {@link #random()}. */
  public TestRetryState seed(long seed) {
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
    return upcomingWaitNanos;
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

  @Override
  public String toString() {
    return "attempt "
        + attemptNumber
        + ", elapsed "
        + elapsedNanos
        + " ns, wait "
        + upcomingWaitNanos
        + " ns, previous wait "
        + previousWaitNanos
        + " ns";
  }
}
