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
   * Adds the target's failure before {@code rejected} to it as suppressed, so that its caller sees
   * what opened the breaker; unless the rejection carries a failure already (a rejection thrown by
   * several calls must not grow without end), Reactor's assembly tracebacks and {@code block()}'s
   * marker aside: a checkpoint the rejection passed on its way (WebClient has one) adds one, and a
   * {@code block()} inside the target the other.
   */
  static void keepEarlierFailure(CircuitOpenException rejected, Throwable earlier) {
    if (earlier == rejected) {
      return;
    }
    for (Throwable suppressed : rejected.getSuppressed()) {
      if (!isReactorTraceback(suppressed) && !isBlockMarker(suppressed)) {
        return;
      }
    }
    rejected.addSuppressed(earlier);
  }

  /**
   * Whether {@code failure} is the marker Reactor's {@code block()} adds to what it rethrows (a
   * plain {@code Exception}: {@code #block terminated with an error}), which is no failure either.
   */
  static boolean isBlockMarker(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass() == Exception.class
        && message != null
        && message.startsWith("#block ");
  }

  /**
   * Whether {@code failure} is a Reactor assembly traceback (a checkpoint's), recognised by its
   * class name as Reactor's own {@code Exceptions.isTraceback} does; Reactor is optional here.
   */
  static boolean isReactorTraceback(Throwable failure) {
    return failure
        .getClass()
        .getName()
        .equals("reactor.core.publisher.FluxOnAssembly$OnAssemblyException");
  }
}
