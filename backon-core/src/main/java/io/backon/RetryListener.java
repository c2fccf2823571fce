package io.backon;

/**
 * Receives {@link RetryEvent}s for one hook of a {@link RetryPolicy}. Listeners run on the thread
 * making the call; one that throws is logged and never breaks the call. Implementations must be
 * thread-safe when the policy is shared.
 */
@FunctionalInterface
public interface RetryListener {

  /** Called with an immutable event; keep it short, it runs inside the call. */
  void onEvent(RetryEvent event);
}
