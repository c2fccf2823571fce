package io.backon.hedge;

import io.backon.Description;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** {@link HedgeDelay#fixed}: the same delay every time. Immutable. */
final class FixedHedgeDelay implements HedgeDelay {

  private final long nanos;

  FixedHedgeDelay(long nanos) {
    this.nanos = nanos;
  }

  @Override
  public long delayNanos() {
    return nanos;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FixedHedgeDelay fixed && fixed.nanos == nanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(nanos);
  }

  @Override
  public Description describe() {
    return Description.of("fixed").with("delay", Description.nanos(nanos));
  }

  @Override
  public String toString() {
    return "fixed(" + Duration.ofNanos(nanos) + ")";
  }
}
