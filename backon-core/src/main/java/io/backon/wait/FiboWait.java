package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * {@code min(fib(n + 1) * unit, max)} with {@code fib = 1, 1, 2, 3, 5, 8, ...}; see {@link
 * Wait#fibo(java.time.Duration, java.time.Duration)}.
 */
record FiboWait(long unitNanos, long maxNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    if (unitNanos == 0 || maxNanos == 0) {
      return 0L;
    }
    int n = Nanos.exponent(state.attemptNumber());
    long current = 1L;
    long next = 1L;
    // Fibonacci numbers exceed any long after 92 steps, so this loop ends quickly at the cap.
    for (int i = 0; i < n; i++) {
      if (Nanos.multiply(current, unitNanos) >= maxNanos) {
        return maxNanos;
      }
      long following = Nanos.add(current, next);
      current = next;
      next = following;
    }
    return Math.min(maxNanos, Nanos.multiply(current, unitNanos));
  }

  @Override
  public Description describe() {
    return Description.of("fibo")
        .with("unit", Description.nanos(unitNanos))
        .with("max", Description.nanos(maxNanos));
  }

  @Override
  public String toString() {
    return "fibo(unit=" + Nanos.format(unitNanos) + ", max=" + Nanos.format(maxNanos) + ")";
  }
}
