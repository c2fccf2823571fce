package io.backon.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** How copies' failures become the failure of a hedged call. Not API. */
final class HedgeFailures {

  private HedgeFailures() {}

  /**
   * {@code last} with each of {@code earlier} (oldest first) added as suppressed; the same instance
   * is added once and never to itself.
   */
  static Throwable withSuppressed(Throwable last, List<Throwable> earlier) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(last);
    for (Throwable failure : earlier) {
      if (seen.add(failure)) {
        last.addSuppressed(failure);
      }
    }
    return last;
  }
}
