package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Retrying;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Calls are observed only while something consumes the observations beyond Backon's own meters: an
 * observation registry whose only handlers make timers gets none while Backon records its meters.
 */
class ObservationConsumersTest extends MetricsFixture {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ObservationRegistry observations = ObservationRegistry.create();

  /** Names of the observations a handler of the application saw start. */
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private final ObservationHandler<Observation.Context> recording =
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

  private void callTwiceWith(BackonMicrometer instrumentation) throws Exception {
    Retrying retrying = Retrying.of(policy().instrumentation(instrumentation).build());
    retrying.call(() -> flaky(0));
    retrying.call(() -> flaky(0));
  }

  private boolean observationTimersRecorded() {
    return meters.find("backon.call").timer() != null
        || meters.find("backon.attempt").timer() != null;
  }

  @Test
  void withOnlyTheMeterHandlerAMeteredCallIsNotObserved() throws Exception {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

    callTwiceWith(BackonMicrometer.of(meters, observations));

    assertThat(observationTimersRecorded()).isFalse();
    assertThat(meters.get(BackonMeterNames.CALLS).timer().count()).isEqualTo(2);
  }

  @Test
  void aMeterHandlerInsideACompositeHandlerIsStillOnlyMeters() throws Exception {
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new DefaultMeterObservationHandler(meters)));

    callTwiceWith(BackonMicrometer.of(meters, observations));

    assertThat(observationTimersRecorded()).isFalse();
  }

  @Test
  void aHandlerOfTheApplicationBesideTheMeterHandlerGetsEveryCallAndAttempt() throws Exception {
    observations
        .observationConfig()
        .observationHandler(
            new ObservationHandler.AllMatchingCompositeObservationHandler(
                new DefaultMeterObservationHandler(meters), recording));

    callTwiceWith(BackonMicrometer.of(meters, observations));

    assertThat(seen)
        .containsExactly("backon.call", "backon.attempt", "backon.call", "backon.attempt");
    assertThat(observationTimersRecorded()).isTrue();
  }

  @Test
  void aHandlerAddedAfterThePolicyWasBuiltTurnsObservationsOnFromTheNextCall() throws Exception {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    Retrying retrying =
        Retrying.of(policy().instrumentation(BackonMicrometer.of(meters, observations)).build());
    retrying.call(() -> flaky(0));

    observations.observationConfig().observationHandler(recording);
    retrying.call(() -> flaky(0));

    assertThat(seen).containsExactly("backon.call", "backon.attempt");
  }

  @Test
  void aSubclassOfTheMeterHandlerMayDoMoreAndSoConsumesObservations() throws Exception {
    observations
        .observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters) {});

    callTwiceWith(BackonMicrometer.of(meters, observations));

    assertThat(observationTimersRecorded()).isTrue();
  }

  @Test
  void observeAlwaysObservesEvenWhenOnlyTheMeterHandlerConsumes() throws Exception {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

    callTwiceWith(
        BackonMicrometer.builder()
            .meterRegistry(meters)
            .observationRegistry(observations)
            .observeAlways(true)
            .build());

    assertThat(meters.get("backon.call").timer().count()).isEqualTo(2);
    assertThat(meters.get("backon.attempt").timer().count()).isEqualTo(2);
  }

  @Test
  void withoutBackonsOwnMetersTheMeterHandlerIsWhatTimesTheCalls() throws Exception {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

    callTwiceWith(BackonMicrometer.of(observations));

    assertThat(meters.get("backon.call").timer().count()).isEqualTo(2);
    assertThat(meters.find(BackonMeterNames.CALLS).timer()).isNull();
  }

  @Test
  void handlersThatCannotBeReadCountAsConsumers() {
    assertThat(new ObservationConsumers(null).beyondMeters()).isTrue();
  }

  @Test
  void theHandlersOfARegistryAreReadFromItsLiveList() {
    ObservationConsumers consumers = ObservationConsumers.of(observations);
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    assertThat(consumers.beyondMeters()).isFalse();

    observations.observationConfig().observationHandler(recording);

    assertThat(consumers.beyondMeters()).isTrue();
  }
}
