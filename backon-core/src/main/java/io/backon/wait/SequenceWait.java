package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;
import java.util.Arrays;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A finite list of waits: the wait after attempt {@code k} is value {@code k}; after the last one
 * the strategy is {@linkplain Wait#EXHAUSTED exhausted}. See {@link
 * Wait#constant(java.time.Duration, java.time.Duration...)}.
 */
final class SequenceWait implements Wait {

  private final long[] nanos;

  /**
   * @param nanos the waits, each {@code >= 0}; copied
   */
  SequenceWait(long[] nanos) {
    this.nanos = nanos.clone();
  }

  @Override
  public long nextWaitNanos(RetryState state) {
    int index = Nanos.exponent(state.attemptNumber()); // attempt - 1, at least 0
    return index < nanos.length ? nanos[index] : EXHAUSTED;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SequenceWait that && Arrays.equals(nanos, that.nanos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(nanos);
  }

  @Override
  public Description describe() {
    java.util.List<java.time.@org.jspecify.annotations.Nullable Duration> waits =
        new java.util.ArrayList<>();
    for (long value : nanos) {
      waits.add(Description.nanos(value));
    }
    return Description.of("sequence").with("waits", java.util.Collections.unmodifiableList(waits));
  }

  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "constant(", ")");
    for (long value : nanos) {
      joiner.add(Nanos.format(value));
    }
    return joiner.toString();
  }
}
