package io.backon.spring.boot.autoconfigure.http;

import org.jspecify.annotations.Nullable;

/**
 * What a test client got: an answer (its status, body and {@code Retry-After}), or the failure the
 * client threw.
 */
record Reply(int status, String body, @Nullable Throwable failure) {

  static Reply answer(int status, @Nullable String body) {
    return new Reply(status, body == null ? "" : body, null);
  }

  static Reply failed(Throwable failure) {
    return new Reply(-1, "", failure);
  }

  /** The failure, unwrapped from the client's own exception types to the cause that matters. */
  Throwable rootFailure() {
    Throwable f = failure;
    if (f == null) {
      throw new AssertionError("no failure: got status " + status);
    }
    while (f.getCause() != null && f.getCause() != f) {
      f = f.getCause();
    }
    return f;
  }
}
