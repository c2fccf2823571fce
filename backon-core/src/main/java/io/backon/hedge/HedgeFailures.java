package io.backon.hedge;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** How copies' failures become the failure of a hedged call. Not API. */
final class HedgeFailures {

  private HedgeFailures() {}

  /** The failure a copy really produced, without CompletableFuture's wrappers. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof CompletionException || current instanceof ExecutionException) {
      Throwable cause = current.getCause();
      if (cause == null) {
        break;
      }
      current = cause;
    }
    return current;
  }

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
