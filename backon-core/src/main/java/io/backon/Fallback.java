package io.backon;

import org.jspecify.annotations.Nullable;

/**
 * Computes the value a call returns when it gives up (the {@code retryErrorCallback} of the Python
 * libraries). It receives the {@link EventType#GIVE_UP} event with the last failure or value and
 * the reason. If it throws, the caller sees that exception with the last failure added as
 * suppressed. Must be thread-safe when the policy is shared.
 */
@FunctionalInterface
public interface Fallback {

  /** The value to return instead of failing; may be {@code null}. */
  @Nullable Object apply(RetryEvent giveUp) throws Exception;
}
