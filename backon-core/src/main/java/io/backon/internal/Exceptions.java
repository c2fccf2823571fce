package io.backon.internal;

import io.backon.BackonException;

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
}
