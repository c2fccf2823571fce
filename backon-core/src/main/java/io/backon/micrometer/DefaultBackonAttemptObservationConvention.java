package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.micrometer.BackonObservationDocumentation.HighCardinalityKeys;
import io.backon.micrometer.BackonObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * The default convention of {@link BackonObservationDocumentation#ATTEMPT}: name {@code
 * backon.attempt}, contextual name {@code "backon <policy> attempt"}, low-cardinality keys {@code
 * backon.policy}, {@code outcome} ({@code unknown} while running), {@code exception};
 * high-cardinality keys {@code backon.target}, {@code backon.attempt} (the attempt number) and,
 * once a hedged attempt's race ended, {@code backon.hedge}. Extend it to add keys. Stateless and
 * thread-safe.
 */
public class DefaultBackonAttemptObservationConvention
    implements BackonAttemptObservationConvention {

  /** The shared instance. */
  public static final DefaultBackonAttemptObservationConvention INSTANCE =
      new DefaultBackonAttemptObservationConvention();

  @Override
  public String getName() {
    return "backon.attempt";
  }

  @Override
  public String getContextualName(BackonAttemptContext context) {
    return "backon " + context.policyName() + " attempt";
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(BackonAttemptContext context) {
    AttemptOutcome outcome = context.outcome();
    return KeyValues.of(
        LowCardinalityKeys.POLICY.withValue(context.policyName()),
        LowCardinalityKeys.OUTCOME.withValue(
            outcome == null ? DefaultBackonCallObservationConvention.UNKNOWN : outcome.tagValue()),
        LowCardinalityKeys.EXCEPTION.withValue(BackonMeterNames.exceptionTag(context.failure())));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(BackonAttemptContext context) {
    KeyValues keyValues =
        KeyValues.of(
            HighCardinalityKeys.TARGET.withValue(context.targetName()),
            HighCardinalityKeys.ATTEMPT.withValue(Integer.toString(context.attemptNumber())));
    HedgeOutcome hedge = context.hedgeOutcome();
    return hedge == null
        ? keyValues
        : keyValues.and(HighCardinalityKeys.HEDGE.withValue(hedge.tagValue()));
  }
}
