package io.backon.internal;

import org.jspecify.annotations.Nullable;

/**
 * The attempt running on the current thread, behind {@code Retries.isRetrying()} and {@code
 * Retries.attemptNumber()}, the instrumented attempt whose scope is open on this thread, and the
 * thread's spare blocking-call state. One mutable holder per thread, Backon's only thread-local, so
 * entering an attempt allocates nothing and costs one thread-local look-up. Not API.
 */
final class AttemptContext {

  private static final ThreadLocal<AttemptContext> CURRENT =
      ThreadLocal.withInitial(AttemptContext::new);

  private int attempt;
  private @Nullable AttemptTrace trace;

  /**
   * The state a blocking call on this thread may reuse, {@code null} while a call uses it (see
   * {@link CallState#forBlockingCall}).
   */
  @Nullable CallState spare;

  private AttemptContext() {}

  /** The holder of the current thread. */
  public static AttemptContext current() {
    return CURRENT.get();
  }

  /** The 1-based attempt running on this thread, 0 outside any attempt. */
  public int attempt() {
    return attempt;
  }

  /**
   * Marks attempt {@code number} as running and returns the previous value for {@link #restore}.
   */
  public int enter(int number) {
    int previous = attempt;
    attempt = number;
    return previous;
  }

  /** Restores the value {@link #enter} returned (nested calls keep their own numbers). */
  public void restore(int previous) {
    attempt = previous;
  }

  /** The instrumented attempt whose scope is open on this thread, if any. */
  public @Nullable AttemptTrace trace() {
    return trace;
  }

  /** Makes {@code next} this thread's attempt trace; returns the previous one to swap back. */
  @Nullable AttemptTrace swapTrace(@Nullable AttemptTrace next) {
    AttemptTrace previous = trace;
    trace = next;
    return previous;
  }
}
