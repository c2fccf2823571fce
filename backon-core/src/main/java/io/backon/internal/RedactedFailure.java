package io.backon.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A failure as the give-up line carries it while DEBUG is on: the original's stack trace, causes
 * and suppressed failures, each message cut as {@link FailureText} cuts a log line's (so no
 * response body, URL path or query string), led by the original's class name. Spring's {@code
 * RestClientResponseException}s carry the response body in their message, which a logged stack
 * trace would otherwise print in full. {@link #toString()} reads like the original's, so a printed
 * stack trace ({@code java.util.logging}) names the original classes; Logback puts this class's
 * name in front. At most {@value #MAX_DEPTH} levels of causes; cycles cut. Not API.
 */
final class RedactedFailure extends Throwable {

  private static final long serialVersionUID = 1L;

  /** The most levels of causes and suppressed failures copied. */
  static final int MAX_DEPTH = 8;

  private RedactedFailure(Throwable original, int depth, Set<Throwable> seen) {
    super(FailureText.of(original)); // leaves the cause unset, for initCause below
    seen.add(original);
    setStackTrace(original.getStackTrace());
    if (depth >= MAX_DEPTH) {
      return;
    }
    Throwable cause = original.getCause();
    if (cause != null && !seen.contains(cause)) {
      initCause(new RedactedFailure(cause, depth + 1, seen));
    }
    for (Throwable suppressed : original.getSuppressed()) {
      if (!seen.contains(suppressed)) {
        addSuppressed(new RedactedFailure(suppressed, depth + 1, seen));
      }
    }
  }

  /**
   * The redacted copy of {@code failure} (and of its causes and suppressed failures), or {@code
   * failure} itself when no message in it would be cut: a logged stack trace then names the
   * original classes whatever the log format.
   */
  static Throwable of(Throwable failure) {
    if (!cuts(failure, 0, Collections.newSetFromMap(new IdentityHashMap<>()))) {
      return failure;
    }
    return new RedactedFailure(failure, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Whether {@link FailureText} cuts the message of {@code failure} or of one the copy would hold.
   */
  private static boolean cuts(Throwable failure, int depth, Set<Throwable> seen) {
    seen.add(failure);
    if (!FailureText.of(failure).equals(printed(failure))) {
      return true;
    }
    if (depth >= MAX_DEPTH) {
      return false;
    }
    Throwable cause = failure.getCause();
    if (cause != null && !seen.contains(cause) && cuts(cause, depth + 1, seen)) {
      return true;
    }
    for (Throwable suppressed : failure.getSuppressed()) {
      if (!seen.contains(suppressed) && cuts(suppressed, depth + 1, seen)) {
        return true;
      }
    }
    return false;
  }

  /** What a stack trace prints first for {@code failure}; {@code null} if its toString throws. */
  private static @Nullable String printed(Throwable failure) {
    try {
      return failure.toString();
    } catch (RuntimeException broken) {
      return null;
    }
  }

  /** The original's class name and its cut message, as the original's own would read. */
  @Override
  public String toString() {
    return String.valueOf(getMessage());
  }

  /** The stack trace is the original's, set in the constructor. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
