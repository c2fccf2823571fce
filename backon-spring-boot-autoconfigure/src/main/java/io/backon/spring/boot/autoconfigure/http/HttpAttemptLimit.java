package io.backon.spring.boot.autoconfigure.http;

import io.backon.time.Scheduler;
import org.jspecify.annotations.Nullable;

/**
 * The time limit of the HTTP attempt running on this thread, handed from {@link
 * BackonClientHttpRequestInterceptor} to the HTTP client underneath, so that a client whose
 * blocking reads ignore interrupts (Apache HttpClient 5 on platform threads) can abort a request
 * still running when its attempt times out or the call's deadline passes. Immutable; the handoff is
 * confined to the attempt's thread.
 *
 * @param fromNanos when the limit was taken, on {@link System#nanoTime()}
 * @param limitNanos how long after {@code fromNanos} the attempt ends, {@code > 0}
 * @param scheduler the policy's scheduler, on which the attempt's own timeout fires
 */
record HttpAttemptLimit(long fromNanos, long limitNanos, Scheduler scheduler) {

  private static final ThreadLocal<@Nullable HttpAttemptLimit> CURRENT = new ThreadLocal<>();

  /** The limit of the attempt running on this thread, or null. */
  static @Nullable HttpAttemptLimit current() {
    return CURRENT.get();
  }

  /**
   * Makes {@code limit} (or none) the current one until {@link #restore}.
   *
   * @return the limit to restore afterwards
   */
  static @Nullable HttpAttemptLimit enter(@Nullable HttpAttemptLimit limit) {
    HttpAttemptLimit previous = CURRENT.get();
    CURRENT.set(limit);
    return previous;
  }

  /** Restores the limit {@link #enter} returned. */
  static void restore(@Nullable HttpAttemptLimit previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** Nanoseconds left until the limit; {@code <= 0} once it has passed. */
  long remainingNanos() {
    return limitNanos - (System.nanoTime() - fromNanos);
  }
}
