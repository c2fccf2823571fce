package io.backon.instrumentation;

import org.jspecify.annotations.Nullable;

/**
 * The events of one call, from {@link RetryInstrumentation#callStarted}. See {@link
 * RetryInstrumentation} for the order and threading contract.
 */
public interface CallTracer {

  /**
   * Attempt {@code attemptNumber} starts (1-based), on the thread that starts it, just before its
   * target is invoked (after the {@code onAttempt} and {@code before} listeners).
   *
   * @return the tracer of this attempt
   */
  AttemptTracer attemptStarted(int attemptNumber);

  /**
   * Opens, on the current thread, the scope of the context the call started in (its caller's, such
   * as the span current when it started), for the work the engine does for an async call on another
   * thread: settling an attempt whose future completed there, the back-off and give-up log lines
   * and listeners that this runs, completing the call's future, and a deadline passing on the
   * scheduler's thread. The engine closes it on the same thread. The default opens nothing.
   *
   * @return the open scope; {@link TraceScope#NONE} when there is nothing to open
   */
  default TraceScope openCallerScope() {
    return TraceScope.NONE;
  }

  /**
   * Opens, on the current thread, the scope a call gives up in (its listeners, log line and
   * fallback), before it ends: by default {@link #openCallerScope()}. A call that started in no
   * context may open its own instead (Backon's Micrometer tracer does), so that those lines name
   * the trace the call roots. The engine closes it on the same thread before {@link #callEnded}.
   *
   * @return the open scope; {@link TraceScope#NONE} when there is nothing to open
   */
  default TraceScope openGiveUpScope() {
    return openCallerScope();
  }

  /**
   * The call ended, after the listeners of its end ran and after any fallback returned or threw.
   *
   * @param outcome how it ended
   * @param failure what the caller receives as failure, or for {@link CallOutcome#FALLBACK} and a
   *     call that gave up without raising ({@code raiseOnGiveUp(false)}) the last attempt's
   *     failure; {@code null} for a success or when the last outcome was a rejected value; a {@link
   *     java.util.concurrent.CancellationException} when the caller cancelled an async or reactive
   *     call
   * @param attempts the attempts made, {@code >= 1} (0 only if a call is cancelled before its first
   *     attempt started)
   * @param durationNanos from the start of the call to its end, on the policy's clock
   */
  void callEnded(
      CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos);
}
