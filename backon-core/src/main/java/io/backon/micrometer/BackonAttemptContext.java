package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.micrometer.observation.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one attempt ({@link BackonObservationDocumentation#ATTEMPT}),
 * a child of its call's observation. The outcome and failure are set when the attempt ends.
 */
public class BackonAttemptContext extends Observation.Context {

  private final String policyName;
  private final String targetName;
  private final int attemptNumber;
  private @Nullable AttemptOutcome outcome;
  private @Nullable Throwable failure;
  private @Nullable HedgeOutcome hedgeOutcome;

  /** A context for attempt {@code attemptNumber} (1-based) of a call under {@code policyName}. */
  public BackonAttemptContext(String policyName, String targetName, int attemptNumber) {
    this.policyName = Objects.requireNonNull(policyName, "policyName");
    this.targetName = Objects.requireNonNull(targetName, "targetName");
    this.attemptNumber = attemptNumber;
  }

  /** The policy's name. */
  public String policyName() {
    return policyName;
  }

  /** What is called. */
  public String targetName() {
    return targetName;
  }

  /** The 1-based attempt number. */
  public int attemptNumber() {
    return attemptNumber;
  }

  /** How the attempt ended; {@code null} while it runs. */
  public @Nullable AttemptOutcome outcome() {
    return outcome;
  }

  /** What the attempt threw, or {@code null}. */
  public @Nullable Throwable failure() {
    return failure;
  }

  /** How the attempt's hedged race ended; {@code null} when it was not hedged (or still runs). */
  public @Nullable HedgeOutcome hedgeOutcome() {
    return hedgeOutcome;
  }

  /** Records how the hedged race ended. */
  public void hedged(HedgeOutcome outcome) {
    this.hedgeOutcome = Objects.requireNonNull(outcome, "outcome");
  }

  /** Records how the attempt ended. */
  public void ended(AttemptOutcome outcome, @Nullable Throwable failure) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.failure = failure;
  }
}
