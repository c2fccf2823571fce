package io.backon.wait;

import io.backon.Describable;
import io.backon.Description;
import io.backon.RetryState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How long to wait before the next attempt. Strategies are immutable and thread-safe.
 *
 * <p>The factories take {@link Duration}s and compute in nanoseconds with saturating arithmetic: a
 * wait is never negative and never overflows (attempt 10,000 of {@link #expo()} is its cap, not
 * NaN, infinity or a wrapped-around number). A duration argument longer than {@link #DEFAULT_MAX}
 * (about 292 years) is rejected. The exponent of the growing strategies is {@code n = attemptNumber
 * - 1}, so the first wait (after attempt 1) uses {@code n = 0}.
 *
 * <p>Factories validate their arguments: {@code null} throws {@link NullPointerException} naming
 * the parameter; a value out of range throws {@link IllegalArgumentException} naming the parameter,
 * the value and the rule, e.g. {@code "factor must be >= 0 but was PT-1S"}. The returned strategies
 * have a descriptive {@code toString()} and, except for those wrapping user functions, value-based
 * {@code equals}/{@code hashCode}.
 */
@FunctionalInterface
public interface Wait extends Describable {

  /** Returned by {@link #nextWaitNanos} when a finite strategy has no more waits: retrying ends. */
  long EXHAUSTED = -1L;

  /**
   * The cap of the strategies without an explicit {@code max}, and the longest duration any factory
   * accepts: {@code Long.MAX_VALUE} nanoseconds (about 292 years).
   */
  Duration DEFAULT_MAX = Nanos.MAX_DURATION;

  /** The base of {@link #expo()} and {@link #expo(Duration, Duration)}: {@code 2}. */
  double DEFAULT_EXPO_BASE = 2.0;

  /** The first wait of {@link #expo()}: 1 second. */
  Duration DEFAULT_EXPO_FACTOR = Duration.ofSeconds(1);

  /** The wait of {@link #constant()}: 1 second. */
  Duration DEFAULT_CONSTANT_INTERVAL = Duration.ofSeconds(1);

  /** The unit of {@link #fibo()} and {@link #fibo(Duration)}: 1 second. */
  Duration DEFAULT_FIBO_UNIT = Duration.ofSeconds(1);

  /** The first wait of {@link #decay()}: 1 second. */
  Duration DEFAULT_DECAY_INITIAL = Duration.ofSeconds(1);

  /** The decay factor of {@link #decay()}: {@code 1}. */
  double DEFAULT_DECAY_FACTOR = 1.0;

  /** The floor of {@link #decay()}: zero. */
  Duration DEFAULT_DECAY_MIN = Duration.ZERO;

  /** The multiplier of {@link #randomExponential()}: 1 second. */
  Duration DEFAULT_RANDOM_EXPONENTIAL_MULTIPLIER = Duration.ofSeconds(1);

  /** The base of {@link #randomExponential()}: {@code 2}. */
  double DEFAULT_RANDOM_EXPONENTIAL_BASE = 2.0;

  /** The lower bound of {@link #randomExponential()}: zero. */
  Duration DEFAULT_RANDOM_EXPONENTIAL_MIN = Duration.ZERO;

  /** The first wait of {@link #incrementing()}: 1 second. */
  Duration DEFAULT_INCREMENTING_START = Duration.ofSeconds(1);

  /** The step of {@link #incrementing()}: 1 second. */
  Duration DEFAULT_INCREMENTING_INCREMENT = Duration.ofSeconds(1);

  /** The lower bound of {@link #random()}: zero. */
  Duration DEFAULT_RANDOM_MIN = Duration.ZERO;

  /** The upper bound of {@link #random()}: 1 second. */
  Duration DEFAULT_RANDOM_MAX = Duration.ofSeconds(1);

  /** The first (unjittered) wait of {@link #exponentialJitter()}: 1 second. */
  Duration DEFAULT_EXPONENTIAL_JITTER_INITIAL = Duration.ofSeconds(1);

  /** The cap of the exponential part of {@link #exponentialJitter()}: 60 seconds. */
  Duration DEFAULT_EXPONENTIAL_JITTER_MAX = Duration.ofSeconds(60);

  /** The base of {@link #exponentialJitter()}: {@code 2}. */
  double DEFAULT_EXPONENTIAL_JITTER_BASE = 2.0;

  /** The upper bound of the random part of {@link #exponentialJitter()}: 1 second. */
  Duration DEFAULT_EXPONENTIAL_JITTER_JITTER = Duration.ofSeconds(1);

  /**
   * The wait before the next attempt, in nanoseconds: {@code >= 0}, or {@link #EXHAUSTED}.
   *
   * @param state the call after attempt {@code state.attemptNumber()}; the first wait is computed
   *     after attempt 1 (exponent {@code n = attemptNumber - 1 = 0})
   */
  long nextWaitNanos(RetryState state);

  /**
   * {@link #nextWaitNanos} as a {@link Duration}, or empty when the strategy is {@linkplain
   * #EXHAUSTED exhausted}.
   */
  default Optional<Duration> nextWait(RetryState state) {
    long nanos = nextWaitNanos(state);
    return nanos == EXHAUSTED
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(Math.max(0, nanos)));
  }

  /**
   * A strategy whose every wait is the sum of this strategy's and {@code other}'s, saturated at
   * {@link #DEFAULT_MAX}; it is exhausted as soon as either is. Typical use: {@code
   * Wait.expo().plus(Wait.random())}. Thread-safe if both strategies are.
   *
   * @throws NullPointerException if {@code other} is null
   */
  default Wait plus(Wait other) {
    return new PlusWait(this, Objects.requireNonNull(other, "other"));
  }

  // ---------------------------------------------------------------- exponential

  /**
   * Exponential back-off with the defaults: 1 s, 2 s, 4 s, 8 s, ... ({@link #DEFAULT_EXPO_FACTOR}
   * {@code * 2^n}), capped at {@link #DEFAULT_MAX}.
   */
  static Wait expo() {
    return expo(DEFAULT_EXPO_BASE, DEFAULT_EXPO_FACTOR, DEFAULT_MAX);
  }

  /**
   * Exponential back-off with base 2: {@code min(factor * 2^n, max)}.
   *
   * @param factor the first wait, {@code >= 0}
   * @param max the cap, {@code >= 0}
   */
  static Wait expo(Duration factor, Duration max) {
    return expo(DEFAULT_EXPO_BASE, factor, max);
  }

  /**
   * Exponential back-off: {@code min(factor * base^n, max)}, e.g. 1 s, 2 s, 4 s, 8 s, ... for base
   * 2 and factor 1 s. Immutable and thread-safe.
   *
   * @param base the growth per attempt, finite and {@code > 1}
   * @param factor the first wait, {@code >= 0}
   * @param max the cap, {@code >= 0}; every wait from some attempt on equals it
   */
  static Wait expo(double base, Duration factor, Duration max) {
    double b = Nanos.base(base, "base");
    long f = Nanos.nonNegative(factor, "factor");
    long m = Nanos.nonNegative(max, "max");
    return new ExpoWait(b, f, m);
  }

  /**
   * Random exponential back-off with the defaults: uniform between zero and {@code min(1 s * 2^n,}
   * {@link #DEFAULT_MAX}{@code )}.
   */
  static Wait randomExponential() {
    return randomExponential(
        DEFAULT_RANDOM_EXPONENTIAL_MULTIPLIER,
        DEFAULT_MAX,
        DEFAULT_RANDOM_EXPONENTIAL_BASE,
        DEFAULT_RANDOM_EXPONENTIAL_MIN);
  }

  /**
   * Random exponential back-off ("full jitter" built in): uniform in {@code [min, max(min,
   * min(multiplier * expBase^n, max))]}, drawn from {@link RetryState#random()}. Immutable and
   * thread-safe.
   *
   * @param multiplier the upper bound of the first wait, {@code >= 0}
   * @param max the cap of the upper bound, {@code >= min}
   * @param expBase the growth per attempt, finite and {@code > 1}
   * @param min the lower bound of every wait, {@code >= 0}
   */
  static Wait randomExponential(Duration multiplier, Duration max, double expBase, Duration min) {
    long mul = Nanos.nonNegative(multiplier, "multiplier");
    long mx = Nanos.nonNegative(max, "max");
    double b = Nanos.base(expBase, "expBase");
    long mn = Nanos.nonNegative(min, "min");
    Nanos.ordered(mn, "min", mx, "max");
    return new RandomExponentialWait(mul, mx, b, mn);
  }

  /**
   * Exponential back-off plus random jitter with the defaults: {@code min(1 s * 2^n, 60 s) +
   * uniform(0, 1 s)}.
   */
  static Wait exponentialJitter() {
    return exponentialJitter(
        DEFAULT_EXPONENTIAL_JITTER_INITIAL,
        DEFAULT_EXPONENTIAL_JITTER_MAX,
        DEFAULT_EXPONENTIAL_JITTER_BASE,
        DEFAULT_EXPONENTIAL_JITTER_JITTER);
  }

  /**
   * Exponential back-off plus random jitter: {@code min(initial * expBase^n, max) + uniform(0,
   * jitter)}, drawn from {@link RetryState#random()}; so the first wait is between {@code initial}
   * and {@code initial + jitter}, and no wait exceeds {@code max + jitter}. Immutable and
   * thread-safe.
   *
   * @param initial the first wait before jitter, {@code >= 0}
   * @param max the cap of the exponential part, {@code >= 0}
   * @param expBase the growth per attempt, finite and {@code > 1}
   * @param jitter the upper bound of the random part, {@code >= 0}
   */
  static Wait exponentialJitter(Duration initial, Duration max, double expBase, Duration jitter) {
    long i = Nanos.nonNegative(initial, "initial");
    long m = Nanos.nonNegative(max, "max");
    double b = Nanos.base(expBase, "expBase");
    long j = Nanos.nonNegative(jitter, "jitter");
    return new ExponentialJitterWait(i, m, b, j);
  }

  // ---------------------------------------------------------------- fixed and linear

  /** The same wait of {@link #DEFAULT_CONSTANT_INTERVAL} (1 s) before every attempt, forever. */
  static Wait constant() {
    return constant(DEFAULT_CONSTANT_INTERVAL);
  }

  /**
   * The same wait before every attempt, forever. Immutable and thread-safe.
   *
   * @param interval the wait, {@code >= 0}
   */
  static Wait constant(Duration interval) {
    return new ConstantWait(Nanos.nonNegative(interval, "interval"));
  }

  /**
   * With only {@code first}, the same as {@link #constant(Duration)}: that wait forever. With more
   * values, a finite sequence: the wait after attempt {@code k} is the {@code k}-th value, and once
   * the values run out the strategy is {@linkplain #EXHAUSTED exhausted}, which ends retrying. E.g.
   * {@code constant(1s, 5s, 30s)} waits 1 s, 5 s, 30 s and then gives up. Immutable and
   * thread-safe.
   *
   * @param first the first wait, {@code >= 0}
   * @param more the following waits, each {@code >= 0}; copied
   */
  static Wait constant(Duration first, Duration... more) {
    long firstNanos = Nanos.nonNegative(first, "first");
    Objects.requireNonNull(more, "more");
    if (more.length == 0) {
      return new ConstantWait(firstNanos);
    }
    long[] nanos = new long[more.length + 1];
    nanos[0] = firstNanos;
    for (int i = 0; i < more.length; i++) {
      nanos[i + 1] = Nanos.nonNegative(more[i], "more[" + i + "]");
    }
    return new SequenceWait(nanos);
  }

  /**
   * Linearly growing waits with the defaults: 1 s, 2 s, 3 s, ..., capped at {@link #DEFAULT_MAX}.
   */
  static Wait incrementing() {
    return incrementing(DEFAULT_INCREMENTING_START, DEFAULT_INCREMENTING_INCREMENT, DEFAULT_MAX);
  }

  /**
   * Linearly growing waits: {@code min(start + n * increment, max)}. Immutable and thread-safe.
   *
   * @param start the first wait, {@code >= 0}
   * @param increment added per attempt, {@code >= 0}
   * @param max the cap, {@code >= 0}
   */
  static Wait incrementing(Duration start, Duration increment, Duration max) {
    long s = Nanos.nonNegative(start, "start");
    long i = Nanos.nonNegative(increment, "increment");
    long m = Nanos.nonNegative(max, "max");
    return new IncrementingWait(s, i, m);
  }

  /** No wait at all between attempts (use with care: retries hammer the target). */
  static Wait none() {
    return NoWait.INSTANCE;
  }

  // ---------------------------------------------------------------- fibonacci and decay

  /**
   * Fibonacci back-off with the defaults: 1 s, 1 s, 2 s, 3 s, 5 s, ..., capped at {@link
   * #DEFAULT_MAX}.
   */
  static Wait fibo() {
    return fibo(DEFAULT_FIBO_UNIT, DEFAULT_MAX);
  }

  /**
   * Fibonacci back-off in units of {@link #DEFAULT_FIBO_UNIT} (1 s): 1 s, 1 s, 2 s, 3 s, 5 s, 8 s,
   * ..., capped at {@code max}.
   *
   * @param max the cap, {@code >= 0}
   */
  static Wait fibo(Duration max) {
    return fibo(DEFAULT_FIBO_UNIT, max);
  }

  /**
   * Fibonacci back-off: {@code min(fib(n + 1) * unit, max)} with {@code fib = 1, 1, 2, 3, 5, 8,
   * ...}. Immutable and thread-safe.
   *
   * @param unit the first wait, {@code >= 0}
   * @param max the cap, {@code >= 0}
   */
  static Wait fibo(Duration unit, Duration max) {
    long u = Nanos.nonNegative(unit, "unit");
    long m = Nanos.nonNegative(max, "max");
    return new FiboWait(u, m);
  }

  /** Decaying waits with the defaults: {@code 1 s * e^(-n)}, floored at zero. */
  static Wait decay() {
    return decay(DEFAULT_DECAY_INITIAL, DEFAULT_DECAY_FACTOR, DEFAULT_DECAY_MIN);
  }

  /**
   * Decaying waits, for a resource that is expected to recover: {@code max(initial * e^(-n *
   * decayFactor), min)}. Immutable and thread-safe.
   *
   * @param initial the first wait, {@code >= 0}
   * @param decayFactor how fast the wait shrinks, finite and {@code >= 0} ({@code 0} is constant)
   * @param min the floor, {@code >= 0} and {@code <= initial}
   */
  static Wait decay(Duration initial, double decayFactor, Duration min) {
    long i = Nanos.nonNegative(initial, "initial");
    if (!(decayFactor >= 0.0) || Double.isInfinite(decayFactor)) {
      throw new IllegalArgumentException(
          "decayFactor must be finite and >= 0 but was " + decayFactor);
    }
    long m = Nanos.nonNegative(min, "min");
    Nanos.ordered(m, "min", i, "initial");
    return new DecayWait(i, decayFactor, m);
  }

  // ---------------------------------------------------------------- random

  /**
   * A random wait between zero and 1 s ({@link #DEFAULT_RANDOM_MIN}..{@link #DEFAULT_RANDOM_MAX}).
   */
  static Wait random() {
    return random(DEFAULT_RANDOM_MIN, DEFAULT_RANDOM_MAX);
  }

  /**
   * A random wait, uniform in {@code [min, max]}, drawn from {@link RetryState#random()}. Immutable
   * and thread-safe.
   *
   * @param min the lower bound, {@code >= 0}
   * @param max the upper bound, {@code >= min}
   */
  static Wait random(Duration min, Duration max) {
    long mn = Nanos.nonNegative(min, "min");
    long mx = Nanos.nonNegative(max, "max");
    Nanos.ordered(mn, "min", mx, "max");
    return new RandomWait(mn, mx);
  }

  // ---------------------------------------------------------------- dynamic

  /**
   * A wait computed from the call's state, e.g. from the last result ({@link
   * RetryState#lastResult()}) or failure. A {@code null} or negative duration means no wait;
   * exceptions thrown by {@code function} propagate. Thread-safe if {@code function} is; equality
   * is that of the function.
   *
   * @param function called once per wait, on the thread deciding the retry
   */
  static Wait runtime(Function<? super RetryState, ? extends @Nullable Duration> function) {
    return new RuntimeWait(Objects.requireNonNull(function, "function"));
  }

  /**
   * A wait computed from the last failure, e.g. from a {@code Retry-After} header carried by the
   * exception. When the attempt did not fail, or {@code function} returns {@code null} or a
   * negative duration, the wait is zero; exceptions thrown by {@code function} propagate.
   * Thread-safe if {@code function} is; equality is that of the function.
   *
   * @param function called once per wait with the failure of the attempt that just finished
   */
  static Wait exception(Function<? super Throwable, ? extends @Nullable Duration> function) {
    return new ExceptionWait(Objects.requireNonNull(function, "function"));
  }

  // ---------------------------------------------------------------- composition

  /**
   * A different strategy per attempt: the wait after attempt {@code k} (1-based) comes from {@code
   * waits[k - 1]}, and the last strategy repeats for all later attempts. E.g. {@code
   * chain(constant(0), constant(1s), expo())}. A strategy that is {@linkplain #EXHAUSTED exhausted}
   * exhausts the chain. Immutable; thread-safe if the strategies are.
   *
   * @param waits at least one strategy, none null; copied
   */
  static Wait chain(Wait... waits) {
    Objects.requireNonNull(waits, "waits");
    if (waits.length == 0) {
      throw new IllegalArgumentException("waits must contain >= 1 strategy but was empty");
    }
    ArrayList<Wait> list = new ArrayList<>(waits.length);
    for (int i = 0; i < waits.length; i++) {
      list.add(Objects.requireNonNull(waits[i], "waits[" + i + "]"));
    }
    return new ChainWait(list);
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
