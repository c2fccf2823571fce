package io.backon.internal;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.backon.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One attempt's tracer, ended exactly once, with scopes that also make it the thread's current
 * attempt trace in {@link AttemptContext} (so blocking workers and hedged copies started from that
 * thread open it too). Thread-safe. Not API.
 */
final class AttemptTrace {

  private static final AttemptTracer BROKEN = (outcome, failure, durationNanos) -> {};

  private final AttemptTracer tracer;
  private final int number;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();

  private AttemptTrace(AttemptTracer tracer, int number, long startNanos) {
    this.tracer = tracer;
    this.number = number;
    this.startNanos = startNanos;
  }

  static AttemptTrace start(CallTracer call, int number, Clock clock) {
    return new AttemptTrace(tracer(call, number), number, clock.nanoTime());
  }

  /** Wraps the tracer of attempt {@code number}, started at {@code startNanos}. */
  static AttemptTrace of(AttemptTracer tracer, int number, long startNanos) {
    return new AttemptTrace(tracer, number, startNanos);
  }

  /** Starts attempt {@code number}'s tracer; one that ignores everything if the hook threw. */
  static AttemptTracer tracer(CallTracer call, int number) {
    try {
      return call.attemptStarted(number);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("attemptStarted", broken);
      return BROKEN;
    }
  }

  /** Opens {@code tracer}'s scope on this thread; {@link TraceScope#NONE} if the hook threw. */
  static TraceScope scope(AttemptTracer tracer) {
    try {
      return tracer.openScope();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("openScope", broken);
      return TraceScope.NONE;
    }
  }

  /** Closes a scope from {@link #scope}, logging a close that throws. */
  static void closeScope(TraceScope scope) {
    try {
      scope.close();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("TraceScope.close", broken);
    }
  }

  /** Tells {@code tracer} its attempt ended, logging a hook that throws. */
  static void ended(
      AttemptTracer tracer,
      AttemptOutcome outcome,
      @Nullable Throwable failure,
      long durationNanos) {
    try {
      tracer.attemptEnded(outcome, failure, durationNanos);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("attemptEnded", broken);
    }
  }

  /** The 1-based attempt number. */
  int number() {
    return number;
  }

  /**
   * Opens the attempt's scope on this thread and makes it the thread's current attempt trace until
   * the returned scope is closed, which must happen on this thread. Callers test for a trace
   * themselves ({@code trace == null ? null : trace.open()}) rather than through a static helper
   * whose signature names {@link TraceScope}: C2 does not inline a method whose signature has a
   * class not yet loaded, which it is in an application without instrumentation.
   */
  public TraceScope open() {
    return publish(scope(tracer));
  }

  /**
   * Makes this the thread's current attempt trace while {@code opened}, a scope of its tracer
   * opened on this thread, stays open; the returned scope closes both, on this thread.
   */
  TraceScope publish(TraceScope opened) {
    AttemptContext context = AttemptContext.current();
    AttemptTrace previous = context.swapTrace(this);
    return () -> {
      try {
        closeScope(opened);
      } finally {
        context.swapTrace(previous);
      }
    };
  }

  /** The attempt's hedged race ended. */
  public void hedgeEnded(HedgeOutcome outcome) {
    try {
      tracer.hedgeEnded(outcome);
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable broken) {
      TraceSafety.log("hedgeEnded", broken);
    }
  }

  /** Ends the attempt now, once; later calls do nothing. */
  void end(AttemptOutcome outcome, @Nullable Throwable failure, Clock clock) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    ended(tracer, outcome, failure, Math.max(0L, clock.nanoTime() - startNanos));
  }
}
