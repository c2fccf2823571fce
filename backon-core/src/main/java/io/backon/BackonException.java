package io.backon;

import org.jspecify.annotations.Nullable;

/** Base class of the exceptions Backon itself throws. */
public class BackonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message and an optional cause. */
  public BackonException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
