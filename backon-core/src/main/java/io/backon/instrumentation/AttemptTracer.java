package io.backon.instrumentation;

import io.backon.hedge.HedgeOutcome;
import org.jspecify.annotations.Nullable;

/**
 * The events of one attempt, from {@link CallTracer#attemptStarted}. See {@link
 * RetryInstrumentation} for the order and threading contract.
 */
public interface AttemptTracer {

  /**
   * Makes this attempt current on the calling thread while the attempt's code runs there, e.g. to
   * put its span in scope; the engine closes the returned scope on the same thread, in LIFO order.
   * Called on every thread that runs the attempt's code: the caller's thread for a blocking
   * attempt, the thread invoking an async supplier, the worker of {@code supplyAsync}, each hedged
   * copy's thread (possibly several at once), the thread subscribing a Reactor attempt. A scope may
   * close after {@link #attemptEnded} when the attempt completed on that very thread. Default: no
   * scope.
   */
  default TraceScope openScope() {
    return TraceScope.NONE;
  }

  /**
   * This attempt was hedged ({@code RetryPolicy.hedging}) and its race of copies ended; reported
   * before {@link #attemptEnded}, on the thread that decided the race. Default: ignored.
   */
  default void hedgeEnded(HedgeOutcome outcome) {}

  /**
   * The attempt ended; its outcome was settled by the policy.
   *
   * @param outcome how the attempt ended
   * @param failure what the attempt threw (unwrapped), or {@code null}
   * @param durationNanos from {@link CallTracer#attemptStarted} to the end, on the policy's clock
   */
  void attemptEnded(AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos);
}
