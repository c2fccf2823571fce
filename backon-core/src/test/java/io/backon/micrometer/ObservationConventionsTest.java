package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

class ObservationConventionsTest {

  private final BackonCallContext call = new BackonCallContext("payments", "charge");
  private final BackonAttemptContext attempt = new BackonAttemptContext("payments", "charge", 1);

  @Test
  void theCallConventionAppliesToCallObservationsOnly() {
    BackonCallObservationConvention convention = new DefaultBackonCallObservationConvention();

    assertThat(convention.supportsContext(call)).isTrue();
    assertThat(convention.supportsContext(attempt)).isFalse();
    assertThat(convention.supportsContext(new Observation.Context())).isFalse();
  }

  @Test
  void theAttemptConventionAppliesToAttemptObservationsOnly() {
    BackonAttemptObservationConvention convention = new DefaultBackonAttemptObservationConvention();

    assertThat(convention.supportsContext(attempt)).isTrue();
    assertThat(convention.supportsContext(call)).isFalse();
    assertThat(convention.supportsContext(new Observation.Context())).isFalse();
  }
}
