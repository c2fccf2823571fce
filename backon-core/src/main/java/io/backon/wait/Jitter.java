package io.backon.wait;

import io.backon.Describable;
import io.backon.Description;
import io.backon.RetryState;
import java.time.Duration;
import java.util.Objects;

/**
 * Randomises a wait computed by a {@link Wait} strategy, so that many clients retrying at once do
 * not hit the target in lockstep. Immutable and thread-safe.
 *
 * <p>Every jitter draws its randomness from {@link RetryState#random()} (so a test with a seeded
 * random is deterministic) and returns a wait in {@code [0, Long.MAX_VALUE]} nanoseconds, using
 * saturating arithmetic. The built-in jitters have a descriptive {@code toString()} and value-based
 * {@code equals}/{@code hashCode}.
 */
@FunctionalInterface
public interface Jitter extends Describable {

  /** The upper bound of the random part added by {@link #random()}: 1 second. */
  Duration DEFAULT_RANDOM_MAX = Duration.ofSeconds(1);

  /**
   * The jittered wait in nanoseconds, never negative.
   *
   * @param waitNanos the strategy's wait, {@code >= 0}
   * @param state the call; use {@link RetryState#random()} for randomness
   */
  long apply(long waitNanos, RetryState state);

  /**
   * {@link #apply(long, RetryState)} for a {@link Duration}; durations beyond {@code
   * Long.MAX_VALUE} nanoseconds are saturated and negative ones count as zero.
   */
  default Duration apply(Duration wait, RetryState state) {
    Objects.requireNonNull(wait, "wait");
    long nanos = apply(Nanos.ofDynamic(wait), state);
    return Duration.ofNanos(Nanos.clamp(nanos));
  }

  /**
   * "Full jitter", the library default: uniform in {@code [0, w]}. Spreads retries the most; the
   * expected wait is {@code w / 2}.
   */
  static Jitter full() {
    return FullJitter.INSTANCE;
  }

  /** No jitter: the strategy's wait unchanged. */
  static Jitter none() {
    return NoJitter.INSTANCE;
  }

  /**
   * Adds a random part: {@code w + uniform(0, 1 s)} ({@link #DEFAULT_RANDOM_MAX}); never shortens
   * the wait.
   */
  static Jitter random() {
    return new RandomJitter(Nanos.of(DEFAULT_RANDOM_MAX));
  }

  /**
   * Adds a random part: {@code w + uniform(0, max)}, saturated at {@code Long.MAX_VALUE}
   * nanoseconds; never shortens the wait.
   *
   * @param max the upper bound of the random part, {@code >= 0}
   */
  static Jitter random(Duration max) {
    return new RandomJitter(Nanos.nonNegative(max, "max"));
  }

  /**
   * "Equal jitter": keeps half the wait and randomises the other half, uniform in {@code [w - w/2,
   * w]}.
   */
  static Jitter equal() {
    return EqualJitter.INSTANCE;
  }

  /**
   * AWS-style "decorrelated jitter": {@code min(cap, uniform(w, max(w, previous * 3)))}, where
   * {@code previous} is {@link RetryState#previousWaitNanos()} (or {@code w} before the first
   * retry). Waits grow randomly from the strategy's wait {@code w} and never exceed {@code cap}.
   *
   * @param cap the largest wait, {@code >= 0}
   */
  static Jitter decorrelated(Duration cap) {
    return new DecorrelatedJitter(Nanos.nonNegative(cap, "cap"));
  }

  /**
   * What this strategy is: the built-in ones give their factory name and parameters; your own
   * implementations give kind {@code custom} and their class name unless they override this.
   */
  @Override
  default Description describe() {
    return Description.of("custom").with("class", getClass().getName());
  }
}
