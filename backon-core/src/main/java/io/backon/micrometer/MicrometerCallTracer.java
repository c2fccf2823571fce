package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.TraceScope;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * One observed call seen by {@link BackonMicrometer}: its observation with a child per attempt, and
 * its policy's meters when a meter registry is set. The observation current when the call started
 * (its caller's, its parent) is made current again where the engine works for the call on another
 * thread and while it gives up, so that log lines and listeners there are in the caller's trace; a
 * call that started without one (a scheduled job, a message consumer) has its own observation made
 * current while it gives up instead, so that its give-up line names the trace it roots. Calls
 * without observations use the stateless {@link PolicyMeters} instead. Thread-safe as the SPI
 * requires.
 */
final class MicrometerCallTracer implements CallTracer {

  private final BackonMicrometer owner;
  private final String targetName;
  private final @Nullable Observation caller;
  private final Observation observation;
  private final BackonCallContext context;
  private final @Nullable PolicyMeters meters;

  MicrometerCallTracer(
      BackonMicrometer owner,
      String targetName,
      @Nullable Observation caller,
      Observation observation,
      BackonCallContext context,
      @Nullable PolicyMeters meters) {
    this.owner = owner;
    this.targetName = targetName;
    this.caller = caller;
    this.observation = observation;
    this.context = context;
    this.meters = meters;
  }

  @Override
  public AttemptTracer attemptStarted(int attemptNumber) {
    BackonAttemptContext attemptContext =
        new BackonAttemptContext(context.policyName(), targetName, attemptNumber);
    return new Attempt(owner.startAttempt(attemptContext, observation), attemptContext);
  }

  @Override
  public TraceScope openCallerScope() {
    Observation parent = caller;
    if (parent == null) {
      return TraceScope.NONE;
    }
    Observation.Scope scope = parent.openScope();
    return scope::close;
  }

  /**
   * The caller's scope, or the call's own observation's when it had no caller; never after the call
   * ended, so what follows the call (its future's dependents) does not run in it.
   */
  @Override
  public TraceScope openGiveUpScope() {
    Observation parent = caller;
    Observation.Scope scope = (parent != null ? parent : observation).openScope();
    return scope::close;
  }

  @Override
  public void callEnded(
      CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {
    context.ended(outcome, failure, attempts);
    if (failure != null && outcome != CallOutcome.FALLBACK) {
      observation.error(failure);
    }
    observation.stop();
    PolicyMeters policyMeters = meters;
    if (policyMeters != null) {
      policyMeters.callEnded(outcome, failure, attempts, durationNanos);
    }
  }

  /** One attempt: its child observation and its meters. */
  private final class Attempt implements AttemptTracer {

    private final Observation observation;
    private final BackonAttemptContext context;

    Attempt(Observation observation, BackonAttemptContext context) {
      this.observation = observation;
      this.context = context;
    }

    @Override
    public TraceScope openScope() {
      Observation.Scope scope = observation.openScope();
      return scope::close;
    }

    @Override
    public void hedgeEnded(HedgeOutcome outcome) {
      context.hedged(outcome);
      PolicyMeters policyMeters = meters;
      if (policyMeters != null) {
        policyMeters.hedgeEnded(outcome);
      }
    }

    @Override
    public void attemptEnded(
        AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {
      context.ended(outcome, failure);
      if (failure != null) {
        observation.error(failure);
      }
      observation.stop();
      PolicyMeters policyMeters = meters;
      if (policyMeters != null) {
        policyMeters.attemptEnded(outcome, failure, durationNanos);
      }
    }
  }
}
