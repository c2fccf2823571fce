package io.backon.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a call; implement it to change them (see {@link
 * DefaultBackonCallObservationConvention}) and pass it to {@link
 * BackonMicrometerBuilder#callConvention}.
 */
public interface BackonCallObservationConvention extends ObservationConvention<BackonCallContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof BackonCallContext;
  }
}
