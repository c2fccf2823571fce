package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.backon.RetryPolicy;
import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.CallTracer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

/** {@link BackonMicrometer#hedgeCounts} reads a policy's own backon.hedges counters. */
class HedgeCountsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final RetryPolicy policy = RetryPolicy.builder().name("payments").build();

  private static void hedged(BackonMicrometer metrics, RetryPolicy policy, HedgeOutcome outcome) {
    CallTracer call = metrics.callStarted(policy, "target");
    call.attemptStarted(1).hedgeEnded(outcome);
  }

  @Test
  void countsEachOutcomeSeenAlsoWhenAFilterRenamedTheNameTag() {
    registry.config().meterFilter(MeterFilter.renameTag("backon", "name", "policy"));
    BackonMicrometer metrics = BackonMicrometer.of(registry);

    hedged(metrics, policy, HedgeOutcome.HEDGE_WON);
    hedged(metrics, policy, HedgeOutcome.HEDGE_WON);
    hedged(metrics, policy, HedgeOutcome.PRIMARY_WON);

    assertThat(metrics.hedgeCounts("payments"))
        .containsOnly(entry(HedgeOutcome.HEDGE_WON, 2L), entry(HedgeOutcome.PRIMARY_WON, 1L));
    assertThat(registry.find("backon.hedges").tag("name", "payments").counters()).isEmpty();
  }

  @Test
  void isEmptyForAPolicyThatNeverHedgedAndCreatesNoMeters() {
    BackonMicrometer metrics = BackonMicrometer.of(registry);

    assertThat(metrics.hedgeCounts("payments")).isEmpty();
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void countsNothingForADeniedMeter() {
    registry.config().meterFilter(MeterFilter.denyNameStartsWith("backon.hedges"));
    BackonMicrometer metrics = BackonMicrometer.of(registry);

    hedged(metrics, policy, HedgeOutcome.HEDGE_WON);

    assertThat(metrics.hedgeCounts("payments")).isEmpty();
  }

  @Test
  void isEmptyWithoutAMeterRegistry() {
    BackonMicrometer metrics = BackonMicrometer.of(ObservationRegistry.create());

    assertThat(metrics.hedgeCounts("payments")).isEmpty();
  }
}
