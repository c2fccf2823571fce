package io.backon.spring.boot.autoconfigure.http;

import io.backon.DeadlineExceededException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP answer that counts as a failed attempt: a retried status (by default 429, 502, 503, 504)
 * or any 5xx. Backon's HTTP layer throws it inside its retry loop and its host's circuit breaker
 * counts it; when the call gives up, the caller gets the server's last answer back as a normal
 * response (so {@code RestClient} and {@code WebClient} raise their usual status exceptions), never
 * this exception, also when the call's deadline ended it after that answer. It is seen in listeners
 * and in log lines, which name the host, never the URL. Carries no stack trace. Immutable.
 */
public final class HttpStatusException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String host;
  private final String method;
  private final @Nullable Duration retryAfter;
  private final boolean retryable;
  private final transient @Nullable Object response;

  HttpStatusException(
      int status,
      String reason,
      HostAddress host,
      String method,
      @Nullable Duration retryAfter,
      boolean retryable,
      @Nullable Object response) {
    super(message(status, reason, host, method, retryAfter), null, false, false);
    this.status = status;
    this.host = host.toString();
    this.method = method;
    this.retryAfter = retryAfter;
    this.retryable = retryable;
    this.response = response;
  }

  private static String message(
      int status, String reason, HostAddress host, String method, @Nullable Duration retryAfter) {
    String text =
        status + (reason.isEmpty() ? "" : " " + reason) + " from " + host + " (" + method + ")";
    return retryAfter == null ? text : text + "; Retry-After " + retryAfter.toSeconds() + "s";
  }

  /** The response status, e.g. 503. */
  public int status() {
    return status;
  }

  /** The downstream that answered, {@code host:port}. */
  public String host() {
    return host;
  }

  /** The request method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** How long the answer's {@code Retry-After} asked to wait, if it had one that could be read. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Whether the HTTP rules allow another attempt: a retried status, and no {@code Retry-After}
   * longer than the cap.
   */
  public boolean retryable() {
    return retryable;
  }

  /** The buffered answer handed back to the caller when the call gives up; null when not kept. */
  @Nullable Object response() {
    return response;
  }

  /**
   * The server's last answer a call that ended with {@code failure} hands its caller, or null: the
   * answer of a failed attempt the call gave up on, also when the call's deadline ended it right
   * after that answer (its {@code Retry-After} or back-off reached past the deadline), but not when
   * the deadline cut a later attempt still waiting for its answer (the call timed out).
   *
   * @param latest the failed answer of the call's attempt that started last ({@link
   *     HttpCall#latestAnswer()})
   */
  static @Nullable Object lastAnswer(Throwable failure, @Nullable HttpStatusException latest) {
    if (failure instanceof HttpStatusException status) {
      return status.response;
    }
    return failure instanceof DeadlineExceededException
            && latest != null
            && failure.getCause() == latest
        ? latest.response
        : null;
  }
}
