package io.backon.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an attempt; implement it to change them (see {@link
 * DefaultBackonAttemptObservationConvention}) and pass it to {@link
 * BackonMicrometerBuilder#attemptConvention}.
 */
public interface BackonAttemptObservationConvention
    extends ObservationConvention<BackonAttemptContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof BackonAttemptContext;
  }
}
