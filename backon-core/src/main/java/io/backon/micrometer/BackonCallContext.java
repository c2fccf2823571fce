package io.backon.micrometer;

import io.backon.instrumentation.CallOutcome;
import io.micrometer.observation.Observation;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one retried call ({@link
 * BackonObservationDocumentation#CALL}). The outcome, failure and attempt count are set when the
 * call ends. Written by the engine, read by conventions and handlers.
 */
public class BackonCallContext extends Observation.Context {

  private final String policyName;
  private final String targetName;
  private @Nullable CallOutcome outcome;
  private @Nullable Throwable failure;
  private int attempts;

  /** A context for a call under the policy {@code policyName} calling {@code targetName}. */
  public BackonCallContext(String policyName, String targetName) {
    this.policyName = Objects.requireNonNull(policyName, "policyName");
    this.targetName = Objects.requireNonNull(targetName, "targetName");
  }

  /** The policy's name. */
  public String policyName() {
    return policyName;
  }

  /** What is called: the invocation's target name or the target's class name. */
  public String targetName() {
    return targetName;
  }

  /** How the call ended; {@code null} while it runs. */
  public @Nullable CallOutcome outcome() {
    return outcome;
  }

  /**
   * The failure that ended the call, or for a fallback the last attempt's failure; {@code null} for
   * a success.
   */
  public @Nullable Throwable failure() {
    return failure;
  }

  /** The attempts made; 0 while the call runs. */
  public int attempts() {
    return attempts;
  }

  /** Records how the call ended. */
  public void ended(CallOutcome outcome, @Nullable Throwable failure, int attempts) {
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.failure = failure;
    this.attempts = attempts;
  }
}
