package io.backon.internal;

import io.backon.BackonException;
import io.backon.breaker.CircuitOpenException;

/** Rethrows failures without wrapping them. Not API. */
final class Exceptions {

  private Exceptions() {}

  /**
   * Returns {@code failure} as an {@link Exception} to {@code throw}; an {@link Error} is thrown
   * from here directly; any other {@link Throwable} is wrapped in a {@link BackonException}.
   */
  public static Exception propagate(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof Exception exception) {
      return exception;
    }
    return new BackonException("target threw " + failure, failure);
  }

  /** Throws any throwable, checked ones included, without declaring it (for non-throwing faces). */
  @SuppressWarnings("unchecked")
  public static <E extends Throwable> RuntimeException sneakyThrow(Throwable failure) throws E {
    throw (E) failure;
  }

  /**
   * Adds the target's own failure before {@code rejected} to it as suppressed: {@code earlier}
   * itself, or what an earlier rejection kept (with {@code retryOnCircuitOpen}).
   */
  static void keepEarlierFailure(CircuitOpenException rejected, Throwable earlier) {
    Throwable kept = earlier;
    if (earlier instanceof CircuitOpenException earlierRejection) {
      Throwable[] suppressed = earlierRejection.getSuppressed();
      kept = suppressed.length == 0 ? null : suppressed[0];
    }
    if (kept != null && kept != rejected && rejected.getSuppressed().length == 0) {
      rejected.addSuppressed(kept);
    }
  }
}
