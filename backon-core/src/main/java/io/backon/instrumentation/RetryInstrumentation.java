package io.backon.instrumentation;

import io.backon.RetryPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Sees what the retry engine does, for metrics and tracing. Every face (blocking {@code
 * Retrying.call/get/run}, {@code callAsync/supplyAsync}, the iterator face, the Reactor operator,
 * hedged attempts) reports through this one interface:
 *
 * <pre>
 * callStarted ─▶ (attemptStarted ─▶ [openScope … close] ─▶ [hedgeEnded] ─▶ attemptEnded)+ ─▶ callEnded
 * </pre>
 *
 * <p>Contract: {@link #callStarted} is called once per call (unless {@link #sharedTracer} gave one
 * tracer for all the policy's calls) on the thread that starts it, before the first attempt.
 * Attempts are sequential: attempt {@code n + 1} starts only after attempt {@code n} ended, but
 * successive attempts and the end of the call may be reported on different threads (async and
 * reactive faces). Each started attempt gets exactly one {@link AttemptTracer#attemptEnded}, each
 * call exactly one {@link CallTracer#callEnded}, the last attempt's end coming first. A call whose
 * retrying is off ({@code Retries.disable()}, a disabled policy) reports nothing.
 *
 * <p>Implementations must be thread-safe, quick, and must not throw: a throwing hook is logged at
 * WARNING on the {@code io.backon.instrumentation} logger and the call goes on without it.
 *
 * <p>A policy without instrumentation uses {@link #NONE}; the engine then calls nothing, allocates
 * nothing and reads no clock for it.
 */
public interface RetryInstrumentation {

  /** Instruments nothing: the default of every policy. */
  RetryInstrumentation NONE =
      new RetryInstrumentation() {
        @Override
        public CallTracer callStarted(RetryPolicy policy, String targetName) {
          return NoTracer.INSTANCE;
        }

        @Override
        public String toString() {
          return "RetryInstrumentation.NONE";
        }
      };

  /**
   * A call under {@code policy} starts.
   *
   * @param policy the call's policy; its {@link RetryPolicy#name()} is the bounded name to tag with
   * @param targetName what is being called: the {@code Invocation}'s target name, or the target's
   *     class name; fine for spans, too many distinct values for meter tags
   * @return the tracer receiving the rest of this call's events
   */
  CallTracer callStarted(RetryPolicy policy, String targetName);

  /**
   * One tracer for every call of {@code policy}, when this instrumentation keeps no state per call
   * (meters that the SPI's events and durations are enough for); {@code null}, the default, when
   * each call needs its own tracer from {@link #callStarted}. Asked once, when the policy is built.
   * A tracer returned here replaces {@link #callStarted} for all the policy's calls: it serves as
   * the {@link CallTracer} and as the {@link AttemptTracer} of attempts from many calls at once, so
   * the engine need not even name the target.
   *
   * @param policy the policy being built: read its settings (its name, say), but make no call
   *     through it, since it is not ready for calls until this method returned
   * @return the policy's shared tracer, or {@code null}
   */
  default @Nullable CallTracer sharedTracer(RetryPolicy policy) {
    return null;
  }
}
