package io.backon;

import java.util.function.Predicate;
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

  /**
   * Whether the caller applies this fallback itself, after the call has failed; default {@code
   * false}. See {@link #appliedByCaller(Predicate)}.
   */
  default boolean isAppliedByCaller() {
    return false;
  }

  /**
   * Declares a fallback that the caller applies itself once the call has failed (e.g. {@code
   * exceptionallyCompose} on the returned future, {@code onErrorResume} on a publisher), so that
   * Backon logs and counts give-ups as it does for its own fallbacks: a give-up whose failure
   * {@code answers} accepts is logged at DEBUG and counted with outcome {@code fallback}; any other
   * is logged at the policy's give-up level and counted as a failure. {@code answers} receives what
   * the caller will see: the last failure, a {@link DeadlineExceededException} when the deadline
   * ended the call, a {@link RetriesExhaustedException} when it gave up on a rejected value. Backon
   * never applies it (the call fails as without a fallback), and the policy reads no clock for it;
   * its {@link #apply} throws {@link UnsupportedOperationException}.
   *
   * @param answers which failures the caller's fallback takes; must be thread-safe
   */
  static Fallback appliedByCaller(Predicate<? super Throwable> answers) {
    return new CallerAppliedFallback(answers);
  }
}
