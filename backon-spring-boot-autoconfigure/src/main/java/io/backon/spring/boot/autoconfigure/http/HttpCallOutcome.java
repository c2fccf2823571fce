package io.backon.spring.boot.autoconfigure.http;

import io.backon.AttemptTimeoutException;
import io.backon.DeadlineExceededException;
import io.backon.breaker.CircuitOpenException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/** How an HTTP call ended for its caller: the {@code outcome} tag of {@code backon.http.calls}. */
enum HttpCallOutcome {
  /** An answer below 400 (after any retries). */
  SUCCESS,
  /** A 4xx answer. */
  CLIENT_ERROR,
  /** A 5xx answer. */
  SERVER_ERROR,
  /** An I/O failure: refused or reset connection, read timeout, unknown host. */
  IO_ERROR,
  /** The host's (or the policy's) circuit breaker rejected the call. */
  CIRCUIT_OPEN,
  /** An attempt timeout or the deadline ended the call. */
  TIMEOUT,
  /**
   * The caller cancelled the call: a reactive subscription was cancelled, or a blocking request was
   * interrupted (a hedged copy that lost, an enclosing attempt's timeout or deadline).
   */
  CANCELLED,
  /** Any other failure. */
  OTHER;

  private final String tag = name().toLowerCase(Locale.ROOT);

  /** The tag value, e.g. {@code server_error}. */
  String tag() {
    return tag;
  }

  /** The outcome of an answer with {@code status}. */
  static HttpCallOutcome of(int status) {
    return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : SUCCESS;
  }

  /** The outcome of a call that ended with {@code failure}. */
  static HttpCallOutcome of(Throwable failure) {
    if (failure instanceof HttpStatusException status) {
      return of(status.status());
    }
    if (failure instanceof CircuitOpenException) {
      return CIRCUIT_OPEN;
    }
    if (failure instanceof AttemptTimeoutException
        || failure instanceof DeadlineExceededException) {
      return TIMEOUT;
    }
    if (cancelled(failure)) {
      return CANCELLED;
    }
    return HttpPolicyDerivation.isIoFailure(failure) ? IO_ERROR : OTHER;
  }

  /**
   * Whether a blocking request failed because its caller gave up on it, not because of the
   * downstream: the JDK client reports an interrupted or cancelled exchange as an {@code
   * IOException} caused by the {@code InterruptedException} or {@code CancellationException}.
   */
  private static boolean cancelled(Throwable failure) {
    @Nullable Throwable cause = failure;
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      if (cause instanceof InterruptedException || cause instanceof CancellationException) {
        return true;
      }
    }
    return false;
  }
}
