package io.backon.wait;

import io.backon.Description;
import io.backon.RetryState;

/**
 * The saturated sum of two strategies, exhausted as soon as either is; see {@link Wait#plus(Wait)}.
 */
record PlusWait(Wait first, Wait second) implements Wait {

  @Override
  public long nextWaitNanos(RetryState state) {
    long a = first.nextWaitNanos(state);
    if (a == EXHAUSTED) {
      return EXHAUSTED;
    }
    long b = second.nextWaitNanos(state);
    if (b == EXHAUSTED) {
      return EXHAUSTED;
    }
    return Nanos.add(Nanos.clamp(a), Nanos.clamp(b));
  }

  @Override
  public Description describe() {
    return Description.of("plus").with("first", first.describe()).with("second", second.describe());
  }

  @Override
  public String toString() {
    return first + ".plus(" + second + ")";
  }
}
