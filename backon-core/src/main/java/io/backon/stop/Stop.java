package io.backon.stop;

import io.backon.RetryState;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Decides after a retryable failure whether retrying ends.
 *
 * <p>A stop sees the call <em>after</em> the attempt that just failed: the 1-based attempt number,
 * the elapsed time measured now, and the wait that would follow. Returning {@code true} ends the
 * call with that attempt's outcome; {@code false} lets the wait and the next attempt happen.
 *
 * <p>Build stops with the factories of this interface and combine them with {@link #or(Stop)},
 * {@link #and(Stop)}, {@link #any(Stop...)} and {@link #all(Stop...)}:
 *
 * <pre>{@code
 * Stop stop = Stop.afterAttempt(5).or(Stop.afterDelay(Duration.ofSeconds(30)));
 * }</pre>
 *
 * <p>Every stop returned by this interface is immutable, thread-safe, allocation-free per check,
 * and has a readable {@code toString()} such as {@code any(afterAttempt(5), afterDelay(PT30S))}.
 * Implementations of your own must be thread-safe too: one policy serves many calls at once.
 */
@FunctionalInterface
public interface Stop {

  /**
   * Whether to stop instead of waiting and trying again.
   *
   * @param state the call after the attempt that just failed, with {@link
   *     RetryState#upcomingWaitNanos()} set to the wait that would follow
   */
  boolean shouldStop(RetryState state);

  /**
   * A stop that is true when this one or {@code other} is: {@code any(this, other)}.
   *
   * @param other the other stop
   * @return the combined stop; checks this one first and short-circuits
   * @throws NullPointerException if {@code other} is null
   */
  default Stop or(Stop other) {
    Objects.requireNonNull(other, "other must not be null");
    return any(this, other);
  }

  /**
   * A stop that is true only when this one and {@code other} both are: {@code all(this, other)}.
   *
   * @param other the other stop
   * @return the combined stop; checks this one first and short-circuits
   * @throws NullPointerException if {@code other} is null
   */
  default Stop and(Stop other) {
    Objects.requireNonNull(other, "other must not be null");
    return all(this, other);
  }

  /**
   * Stops once {@code attempts} attempts have been made, that is when {@code attemptNumber >=
   * attempts}; {@code afterAttempt(3)} allows the first attempt and two retries.
   *
   * @param attempts the total number of attempts, first one included; {@code >= 1}
   * @throws IllegalArgumentException if {@code attempts < 1}
   */
  static Stop afterAttempt(int attempts) {
    return new AfterAttempt(attempts);
  }

  /**
   * Stops once the number of attempts returned by {@code maxTries} has been made. The supplier is
   * asked on every check, so the limit may change while calls run (for example from live
   * configuration); it must be thread-safe and cheap.
   *
   * @param maxTries supplies the total number of attempts, first one included; must return {@code
   *     >= 1}, otherwise the check throws {@link IllegalStateException}
   * @throws NullPointerException if {@code maxTries} is null
   */
  static Stop afterAttempt(IntSupplier maxTries) {
    return new AfterAttemptSupplied(maxTries);
  }

  /**
   * Stops once the call has run for {@code delay} or longer, measured from the start of the call to
   * the end of the attempt that just failed ({@link RetryState#elapsedNanos()} {@code >= delay}).
   * The upcoming wait is not taken into account; see {@link #beforeDelay(Duration)} for that.
   *
   * @param delay the longest time to keep retrying; {@code >= 0} ({@code 0} stops at once) and at
   *     most {@code Long.MAX_VALUE} nanoseconds (about 292 years)
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative or longer than that
   */
  static Stop afterDelay(Duration delay) {
    return new AfterDelay(delay);
  }

  /**
   * Like {@link #afterDelay(Duration)}, with the limit returned by {@code maxDelay} on every check,
   * so it may change while calls run. The supplier must be thread-safe and cheap.
   *
   * @param maxDelay supplies the longest time to keep retrying; must return a non-null,
   *     non-negative duration, otherwise the check throws {@link IllegalStateException}
   * @throws NullPointerException if {@code maxDelay} is null
   */
  static Stop afterDelay(Supplier<Duration> maxDelay) {
    return new AfterDelaySupplied(maxDelay);
  }

  /**
   * Stops when the next attempt could not start before {@code delay}: when {@code elapsed +
   * upcoming wait >= delay}. Unlike {@link #afterDelay(Duration)}, it does not sleep just to give
   * up afterwards. The sum saturates at {@code Long.MAX_VALUE} nanoseconds and never overflows.
   *
   * @param delay the time by which the last attempt must have started; {@code >= 0} and at most
   *     {@code Long.MAX_VALUE} nanoseconds (about 292 years)
   * @throws NullPointerException if {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative or longer than that
   */
  static Stop beforeDelay(Duration delay) {
    return new BeforeDelay(delay);
  }

  /**
   * Stops only when every one of {@code stops} stops. Elements are checked in order and the check
   * ends at the first one that does not stop. Nested {@code all(...)} are flattened; a single
   * element is returned as is.
   *
   * @param stops at least one stop, none null; the array is copied
   * @throws NullPointerException if {@code stops} or one of its elements is null
   * @throws IllegalArgumentException if {@code stops} is empty
   */
  static Stop all(Stop... stops) {
    return AllStop.of(stops);
  }

  /**
   * Stops as soon as one of {@code stops} stops. Elements are checked in order and the check ends
   * at the first one that stops. Nested {@code any(...)} are flattened; a single element is
   * returned as is.
   *
   * @param stops at least one stop, none null; the array is copied
   * @throws NullPointerException if {@code stops} or one of its elements is null
   * @throws IllegalArgumentException if {@code stops} is empty
   */
  static Stop any(Stop... stops) {
    return AnyStop.of(stops);
  }

  /**
   * Never stops: retrying goes on until the retry condition rejects an outcome, a deadline passes,
   * or the call is cancelled or interrupted. Retrying forever must be asked for with this stop; it
   * is never a default.
   */
  static Stop never() {
    return NeverStop.INSTANCE;
  }

  /**
   * Stops once {@code flag} is {@code true}, for example set by a shutdown hook to end every call
   * still retrying. The flag is read on every check and never written.
   *
   * @param flag the flag to watch; shared, not copied
   * @throws NullPointerException if {@code flag} is null
   */
  static Stop whenSet(AtomicBoolean flag) {
    return new WhenSet(flag);
  }

  /**
   * Stops once {@code condition} returns {@code true}. It is asked on every check, so it must be
   * thread-safe and cheap.
   *
   * @param condition whether to stop now
   * @throws NullPointerException if {@code condition} is null
   */
  static Stop when(BooleanSupplier condition) {
    return new WhenTrue(condition);
  }
}
