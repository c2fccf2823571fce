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
 * One call seen by {@link BackonMicrometer}: its observation (when an observation registry is set)
 * and its meters (when a meter registry is set). Thread-safe as the SPI requires.
 */
final class MicrometerCallTracer implements CallTracer {

  private final BackonMicrometer owner;
  private final String policyName;
  private final String targetName;
  private final @Nullable Observation observation;
  private final @Nullable BackonCallContext context;
  private final Attempt metersOnly = new Attempt(null, null);

  MicrometerCallTracer(BackonMicrometer owner, String policyName, String targetName,
      @Nullable Observation observation, @Nullable BackonCallContext context) {
    this.owner = owner;
    this.policyName = policyName;
    this.targetName = targetName;
    this.observation = observation;
    this.context = context;
  }

  @Override
  public AttemptTracer attemptStarted(int attemptNumber) {
    Observation call = observation;
    if (call == null) {
      return metersOnly;
    }
    BackonAttemptContext attemptContext =
        new BackonAttemptContext(policyName, targetName, attemptNumber);
    return new Attempt(owner.startAttempt(attemptContext, call), attemptContext);
  }

  @Override
  public void callEnded(CallOutcome outcome, @Nullable Throwable failure, int attempts,
      long durationNanos) {
    Observation call = observation;
    BackonCallContext callContext = context;
    if (call != null && callContext != null) {
      callContext.ended(outcome, failure, attempts);
      if (failure != null && outcome != CallOutcome.FALLBACK) {
        call.error(failure);
      }
      call.stop();
    }
    RetryMeters meters = owner.meters();
    if (meters != null) {
      meters.call(policyName, outcome, failure, durationNanos);
    }
  }

  /** One attempt: its child observation, if any, and its meters. */
  private final class Attempt implements AttemptTracer {

    private final @Nullable Observation observation;
    private final @Nullable BackonAttemptContext context;

    Attempt(@Nullable Observation observation, @Nullable BackonAttemptContext context) {
      this.observation = observation;
      this.context = context;
    }

    @Override
    public TraceScope openScope() {
      Observation attempt = observation;
      if (attempt == null) {
        return TraceScope.NONE;
      }
      Observation.Scope scope = attempt.openScope();
      return scope::close;
    }

    @Override
    public void hedgeEnded(HedgeOutcome outcome) {
      Observation attempt = observation;
      BackonAttemptContext attemptContext = context;
      if (attempt != null && attemptContext != null) {
        attemptContext.hedged(outcome);
        attempt.event(BackonObservationDocumentation.HedgeEvents.of(outcome));
      }
      RetryMeters meters = owner.meters();
      if (meters != null) {
        meters.hedge(policyName, outcome);
      }
    }

    @Override
    public void attemptEnded(AttemptOutcome outcome, @Nullable Throwable failure,
        long durationNanos) {
      Observation attempt = observation;
      BackonAttemptContext attemptContext = context;
      if (attempt != null && attemptContext != null) {
        attemptContext.ended(outcome, failure);
        if (failure != null) {
          attempt.error(failure);
        }
        attempt.stop();
      }
      RetryMeters meters = owner.meters();
      if (meters != null) {
        meters.attempt(policyName, outcome, failure, durationNanos);
      }
    }
  }
}
