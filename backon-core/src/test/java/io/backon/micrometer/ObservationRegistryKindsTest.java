package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retrying;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Backon decides whether to observe from registries of every kind: Micrometer's test registry, the
 * no-op registry, and handlers nested in composites of composites.
 */
class ObservationRegistryKindsTest extends MetricsFixture {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private void callWith(BackonMicrometer instrumentation) throws Exception {
    Retrying.of(policy().instrumentation(instrumentation).build()).call(() -> flaky(1));
  }

  @Test
  void micrometersTestRegistrySeesEveryCallAndAttempt() throws Exception {
    TestObservationRegistry observations = TestObservationRegistry.create();

    callWith(BackonMicrometer.of(meters, observations));

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsWithNameEqualTo("backon.call", 1)
        .hasNumberOfObservationsWithNameEqualTo("backon.attempt", 2);
    assertThat(meters.get(BackonMeterNames.CALLS).timer().count()).isEqualTo(1);
  }

  @Test
  void theNoopRegistryObservesNothingAndTheMetersStillCount() throws Exception {
    callWith(BackonMicrometer.of(meters, ObservationRegistry.NOOP));

    assertThat(meters.get(BackonMeterNames.CALLS).timer().count()).isEqualTo(1);
  }

  @Test
  void aHandlerOfTheApplicationNestedInCompositesIsAConsumer() throws Exception {
    ObservationRegistry observations = ObservationRegistry.create();
    List<String> seen = new CopyOnWriteArrayList<>();
    ObservationHandler<Observation.Context> recording =
        new ObservationHandler<>() {
          @Override
          public void onStart(Observation.Context context) {
            seen.add(context.getName());
          }

          @Override
          public boolean supportsContext(Observation.Context context) {
            return true;
          }
        };
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler.AllMatchingCompositeObservationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(
                    new DefaultMeterObservationHandler(meters)),
                new ObservationHandler.FirstMatchingCompositeObservationHandler(recording)));

    callWith(BackonMicrometer.of(meters, observations));

    assertThat(seen).containsExactly("backon.call", "backon.attempt", "backon.attempt");
  }
}
