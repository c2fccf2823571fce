package io.backon.internal;

import io.backon.AttemptTimeoutException;
import io.backon.Invocation;
import io.backon.RetryPolicy;
import io.backon.breaker.CircuitOpenException;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The policy's {@link io.backon.instrumentation.RetryInstrumentation} for one call: starts the
 * call's tracer, starts and ends attempt tracers, ends the call exactly once (a cancellation may
 * race with the settlement on another thread), and keeps a throwing tracer from breaking the call.
 * Only created for instrumented policies. Thread-safe. Not API.
 */
final class CallTrace {

  private final CallTracer tracer;
  private final Clock clock;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile @Nullable AttemptTrace current;

  private CallTrace(CallTracer tracer, Clock clock, long startNanos) {
    this.tracer = tracer;
    this.clock = clock;
    this.startNanos = startNanos;
  }

  /**
   * Starts tracing a call that started at {@code startNanos} on the policy's clock; {@code null}
   * when the policy has no instrumentation, retrying is off, or the instrumentation threw.
   */
  static @Nullable CallTrace start(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object nameSource,
      long startNanos) {
    CallTracer tracer = tracer(pipeline, overrides, invocation, nameSource);
    return tracer == null ? null : new CallTrace(tracer, pipeline.policy().clock(), startNanos);
  }

  /**
   * The instrumentation's tracer of a call starting now, without the per-call holder that {@link
   * #start} adds: the policy's shared tracer, else one the instrumentation starts for this call
   * (named after {@code invocation}, else {@code nameSource}'s class); {@code null} when retrying
   * is off or the instrumentation threw.
   */
  static @Nullable CallTracer tracer(
      Pipeline pipeline,
      GlobalSettings overrides,
      @Nullable Invocation invocation,
      Object nameSource) {
    RetryPolicy policy = pipeline.policy();
    if (!policy.enabled() || overrides.disabled()) {
      return null;
    }
    CallTracer shared = pipeline.sharedTracer();
    if (shared != null) {
      return shared;
    }
    try {
      return policy.instrumentation().callStarted(policy, TargetNames.of(invocation, nameSource));
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("callStarted", broken);
      return null;
    }
  }

  /**
   * Goes on tracing a call whose first attempt ran without per-call state (see {@code SyncEngine}),
   * once that attempt failed or its value must be checked.
   *
   * @param first the first attempt's trace, when its tracer opened a scope; else {@code null}, and
   *     the attempt is traced from {@code firstTracer}
   */
  static CallTrace resume(
      CallTracer tracer,
      Clock clock,
      long startNanos,
      @Nullable AttemptTrace first,
      AttemptTracer firstTracer) {
    CallTrace trace = new CallTrace(tracer, clock, startNanos);
    trace.current = first != null ? first : AttemptTrace.of(firstTracer, 1, startNanos);
    return trace;
  }

  /**
   * Ends a call traced without per-call state whose first attempt succeeded and was accepted: the
   * attempt, then the call, both lasting {@code durationNanos}.
   */
  static void succeededAtOnce(CallTracer tracer, AttemptTracer attempt, long durationNanos) {
    AttemptTrace.ended(attempt, AttemptOutcome.SUCCESS, null, durationNanos);
    try {
      tracer.callEnded(CallOutcome.success(1), null, 1, durationNanos);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("callEnded", broken);
    }
  }

  /** Attempt {@code number} starts now. */
  void attemptStarted(int number) {
    current = AttemptTrace.start(tracer, number, clock);
  }

  /**
   * Opens the scope of the call's caller on this thread ({@link CallTracer#openCallerScope()});
   * {@link TraceScope#NONE} if the hook threw. Close it with {@link AttemptTrace#closeScope}.
   */
  TraceScope openCallerScope() {
    try {
      return tracer.openCallerScope();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("openCallerScope", broken);
      return TraceScope.NONE;
    }
  }

  /**
   * Opens the scope the call gives up in on this thread ({@link CallTracer#openGiveUpScope()});
   * {@link TraceScope#NONE} if the hook threw. Close it with {@link AttemptTrace#closeScope}.
   */
  TraceScope openGiveUpScope() {
    try {
      return tracer.openGiveUpScope();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("openGiveUpScope", broken);
      return TraceScope.NONE;
    }
  }

  /** The attempt started last, or {@code null} before the first. */
  @Nullable AttemptTrace current() {
    return current;
  }

  /**
   * Ends attempt {@code number} with the outcome the settlement saw; an attempt that never started
   * (the iterator face's breaker rejection) is started and ended at once.
   *
   * @param accepted whether the policy accepted the outcome (meaningful without a failure)
   */
  void attemptSettled(int number, @Nullable Throwable failure, boolean accepted) {
    attemptEnded(number, classify(failure, accepted), failure);
  }

  /** Ends attempt {@code number} with {@code outcome}. */
  void attemptEnded(int number, AttemptOutcome outcome, @Nullable Throwable failure) {
    AttemptTrace attempt = current;
    if (attempt == null || attempt.number() != number) {
      attemptStarted(number);
      attempt = current;
    }
    if (attempt != null) {
      attempt.end(outcome, failure, clock);
    }
  }

  /** Ends the call, once; later calls do nothing. */
  void callEnded(CallOutcome outcome, @Nullable Throwable failure, int attempts) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    long duration = Math.max(0L, clock.nanoTime() - startNanos);
    try {
      tracer.callEnded(outcome, failure, attempts, duration);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("callEnded", broken);
    }
  }

  /** The caller cancelled the call: the running attempt and the call end as cancelled. */
  void cancelled() {
    if (ended.get()) {
      return;
    }
    AttemptTrace attempt = current;
    int attempts = 0;
    if (attempt != null) {
      attempt.end(AttemptOutcome.CANCELLED, null, clock);
      attempts = attempt.number();
    }
    callEnded(
        CallOutcome.failure(attempts),
        new CancellationException("the call was cancelled"),
        attempts);
  }

  private static AttemptOutcome classify(@Nullable Throwable failure, boolean accepted) {
    if (failure == null) {
      return accepted ? AttemptOutcome.SUCCESS : AttemptOutcome.RETRYABLE_RESULT;
    }
    if (failure instanceof AttemptTimeoutException) {
      return AttemptOutcome.TIMEOUT;
    }
    if (failure instanceof CircuitOpenException) {
      return AttemptOutcome.CIRCUIT_OPEN;
    }
    if (failure instanceof CancellationException) {
      return AttemptOutcome.CANCELLED;
    }
    return AttemptOutcome.FAILURE;
  }
}
