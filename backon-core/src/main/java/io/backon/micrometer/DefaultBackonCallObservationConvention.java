package io.backon.micrometer;

import io.backon.instrumentation.CallOutcome;
import io.backon.micrometer.BackonObservationDocumentation.HighCardinalityKeys;
import io.backon.micrometer.BackonObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default convention of {@link BackonObservationDocumentation#CALL}: name {@code backon.call},
 * contextual name {@code "backon <policy>"}, low-cardinality keys {@code backon.policy}, {@code
 * outcome} ({@code unknown} while running), {@code exception}; high-cardinality keys {@code
 * backon.target}, {@code backon.attempts}. Extend it to add keys. Stateless and thread-safe.
 */
public class DefaultBackonCallObservationConvention implements BackonCallObservationConvention {

  /** The shared instance. */
  public static final DefaultBackonCallObservationConvention INSTANCE =
      new DefaultBackonCallObservationConvention();

  static final String UNKNOWN = "unknown";

  @Override
  public String getName() {
    return "backon.call";
  }

  @Override
  public String getContextualName(BackonCallContext context) {
    return "backon " + context.policyName();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
    CallOutcome outcome = context.outcome();
    return KeyValues.of(
        LowCardinalityKeys.POLICY.withValue(context.policyName()),
        LowCardinalityKeys.OUTCOME.withValue(outcome == null ? UNKNOWN : outcome.tagValue()),
        LowCardinalityKeys.EXCEPTION.withValue(BackonMeterNames.exceptionTag(context.failure())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(BackonCallContext context) {
    return KeyValues.of(
        HighCardinalityKeys.TARGET.withValue(context.targetName()),
        HighCardinalityKeys.ATTEMPTS.withValue(Integer.toString(context.attempts())));
  }
}
