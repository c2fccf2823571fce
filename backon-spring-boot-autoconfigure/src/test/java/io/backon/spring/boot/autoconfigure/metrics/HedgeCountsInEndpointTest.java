package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.HedgingSettingsTest;
import io.backon.spring.boot.autoconfigure.actuate.BackonActuatorAutoConfiguration;
import io.backon.spring.boot.autoconfigure.actuate.BackonEndpoint;
import io.backon.spring.boot.autoconfigure.actuate.HedgeOutcomesDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** /actuator/backon shows how each hedging policy's races ended, from the backon.hedges meters. */
class HedgeCountsInEndpointTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  BackonAutoConfiguration.class,
                  BackonMetricsAutoConfiguration.class,
                  BackonActuatorAutoConfiguration.class))
          .withPropertyValues(
              "management.endpoints.web.exposure.include=backon",
              "backon.max-hedges-includes-first=true",
              "backon.policies.hedged.hedging.max-hedges=2",
              "backon.policies.hedged.hedging.delay=20ms");

  @Test
  void aHedgeThatWonIsCounted() {
    runner
        .withUserConfiguration(HedgingSettingsTest.SlowFirstCopy.CONFIG)
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);
              assertThat(endpoint.report().hedges())
                  .containsEntry("hedged", new HedgeOutcomesDescriptor(0, 0, 0, 0));

              assertThat(context.getBean(HedgingSettingsTest.SlowFirstCopy.class).call())
                  .isEqualTo("hedge");

              assertThat(endpoint.report().hedges().get("hedged").hedgeWon()).isEqualTo(1L);
              assertThat(endpoint.report().hedges()).doesNotContainKey("default");
            });
  }
}
