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

  /**
   * Whether this fallback answers a call that gave up with {@code failure} ({@code null}: the call
   * gave up on a rejected value). When it does not, the call ends as without a fallback: its
   * failure reaches the caller, and its give-up line is logged at the policy's give-up level, not
   * as a call saved by a fallback. Default: every give-up.
   */
  default boolean answers(@Nullable Throwable failure) {
    return true;
  }
}
