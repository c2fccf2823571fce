package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * {@code min(factor * base^n, max)}; see {@link Wait#expo(double, java.time.Duration,
 * java.time.Duration)}.
 */
record ExpoWait(double base, long factorNanos, long maxNanos) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    return Nanos.scaledPower(factorNanos, base, Nanos.exponent(state.attemptNumber()), maxNanos);
  }

  @Override
  public Description describe() {
    return Description.of("expo")
        .with("base", base)
        .with("factor", Description.nanos(factorNanos))
        .with("max", Description.nanos(maxNanos));
  }

  @Override
  public String toString() {
    return "expo(base="
        + base
        + ", factor="
        + Nanos.format(factorNanos)
        + ", max="
        + Nanos.format(maxNanos)
        + ")";
  }
}
