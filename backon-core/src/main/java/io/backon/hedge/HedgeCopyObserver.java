package io.backon.hedge;

import org.jspecify.annotations.Nullable;

/**
 * Sees every copy of one hedged call, so the retry engine can let a circuit breaker and a retry
 * budget account for each copy. All methods have no-op defaults; {@link #NOOP} is the default
 * observer.
 *
 * <p>Contract, per call:
 *
 * <ul>
 *   <li>Copy 1 (the primary) always starts; {@link #mayStartHedge} is asked only for copies 2 and
 *       up, in order. Once it answers {@code false}, no further hedge of that call is launched (the
 *       copies already running finish the call).
 *   <li>Every copy that starts gets {@link #copyStarted} first, then <em>exactly one</em> terminal
 *       callback: {@link #copySucceeded} (the winner only; at most one per call), {@link
 *       #copyFailed}, or {@link #copyCancelled}. A hedge that {@code mayStartHedge} admitted always
 *       starts (gets {@code copyStarted}), even if the call ended in the meantime; it is then
 *       reported cancelled at once, so a permit taken in {@code mayStartHedge} can always be
 *       returned.
 *   <li>{@link #copyCancelled} means the copy lost to a winner, or the whole call was cancelled (or
 *       the sync caller interrupted), or it finished (even with a failure) after the call had
 *       already ended. Such a copy is neither a success nor a failure.
 *   <li>Every callback of a call happens before its result is available (the blocking call returns
 *       or throws, the future completes), so the observer's books are settled when the caller sees
 *       the outcome. Only when the call is cancelled (or the sync caller interrupted) may a launch
 *       or failure already being reported on another thread finish just after.
 * </ul>
 *
 * <p>Callbacks come from several threads (the caller, executor threads, the scheduler thread, the
 * threads completing async copies), possibly concurrently for different copies: implementations
 * must be thread-safe and short. A throwing callback is logged on the {@code io.backon.hedge}
 * logger and ignored; a throwing {@code mayStartHedge} counts as {@code false}.
 */
public interface HedgeCopyObserver {

  /** An observer that admits every hedge and ignores every callback. */
  HedgeCopyObserver NOOP =
      new HedgeCopyObserver() {
        @Override
        public String toString() {
          return "HedgeCopyObserver.NOOP";
        }
      };

  /**
   * Whether hedge {@code copyNumber} may start (e.g. the breaker is closed and the budget has a
   * token). Default {@code true}.
   *
   * @param copyNumber the 1-based copy number, {@code >= 2}
   */
  default boolean mayStartHedge(int copyNumber) {
    return true;
  }

  /** Copy {@code copyNumber} (1-based; 1 is the primary) is about to run. */
  default void copyStarted(int copyNumber) {}

  /**
   * Copy {@code copyNumber} won the call with {@code value}.
   *
   * @param durationNanos from just before the copy was launched until it succeeded, in nanoseconds
   *     of the policy's clock
   */
  default void copySucceeded(int copyNumber, long durationNanos, @Nullable Object value) {}

  /**
   * Copy {@code copyNumber} failed while the call was still undecided.
   *
   * @param durationNanos from just before the copy was launched until it failed, in nanoseconds
   * @param failure what the copy threw, unwrapped from {@code CompletionException}
   */
  default void copyFailed(int copyNumber, long durationNanos, Throwable failure) {}

  /**
   * Copy {@code copyNumber} lost to a winner or the call was cancelled; neither success nor
   * failure.
   */
  default void copyCancelled(int copyNumber) {}

  /**
   * The hedged call ended: a copy won ({@link HedgeOutcome#PRIMARY_WON}, {@link
   * HedgeOutcome#HEDGE_WON}, after that copy's {@link #copySucceeded}), every copy failed ({@link
   * HedgeOutcome#ALL_FAILED}), or it was cancelled ({@link HedgeOutcome#CANCELLED}). Called once
   * per call; like the other callbacks, before the result is available (a cancelled call's result
   * already is).
   */
  default void hedgedCallEnded(HedgeOutcome outcome) {}
}
