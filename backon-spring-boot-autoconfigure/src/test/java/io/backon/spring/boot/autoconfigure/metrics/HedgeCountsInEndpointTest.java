package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.RetryPolicy;
import io.backon.hedge.HedgingPolicy;
import io.backon.micrometer.BackonMicrometer;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.HedgingSettingsTest;
import io.backon.spring.boot.autoconfigure.actuate.BackonActuatorAutoConfiguration;
import io.backon.spring.boot.autoconfigure.actuate.BackonEndpoint;
import io.backon.spring.boot.autoconfigure.actuate.HedgeOutcomesDescriptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

  @Test
  void aHedgeThatWonIsCountedAlsoWhenTheUserRenamedTheNameTag() {
    runner
        .withUserConfiguration(HedgingSettingsTest.SlowFirstCopy.CONFIG)
        .withBean(
            "policyTag", MeterFilter.class, () -> MeterFilter.renameTag("backon", "name", "policy"))
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);

              assertThat(context.getBean(HedgingSettingsTest.SlowFirstCopy.class).call())
                  .isEqualTo("hedge");

              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .get("backon.hedges")
                          .tag("policy", "hedged")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(endpoint.report().hedges().get("hedged").hedgeWon()).isEqualTo(1L);
            });
  }

  @Test
  void aMethodThatHedgesAPolicyThatDoesNotIsCountedUnderThePolicysName() {
    runner
        .withUserConfiguration(InlineHedgeConfig.class)
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);

              assertThat(context.getBean(InlineHedge.class).call()).isEqualTo("hedge");

              assertThat(endpoint.report().hedges())
                  .containsEntry("default", new HedgeOutcomesDescriptor(0, 1, 0, 0));
            });
  }

  @Test
  void aHedgeOfAPolicyBeanWithItsOwnMetersIsCounted() {
    runner
        .withUserConfiguration(OwnMetersConfig.class)
        .run(
            context -> {
              BackonEndpoint endpoint = context.getBean(BackonEndpoint.class);

              assertThat(context.getBean(OwnMetersClient.class).call()).isEqualTo("hedge");

              assertThat(endpoint.report().hedges().get("ownMeters").hedgeWon()).isEqualTo(1L);
            });
  }

  /** The first copy of a call hangs (up to 30 s) and answers "primary"; later ones "hedge". */
  static String firstCopyHangs(AtomicInteger copies) throws InterruptedException {
    if (copies.incrementAndGet() == 1) {
      new CountDownLatch(1).await(30, TimeUnit.SECONDS);
      return "primary";
    }
    return "hedge";
  }

  /** Calls through {@code ownMeters}, a hedging policy bean with a BackonMicrometer of its own. */
  static class OwnMetersClient {

    private final AtomicInteger copies = new AtomicInteger();

    @Backon("ownMeters")
    public String call() throws InterruptedException {
      return firstCopyHangs(copies);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnMetersConfig {

    @Bean
    RetryPolicy ownMeters(MeterRegistry meterRegistry) {
      return RetryPolicy.builder()
          .name("ownMeters")
          .hedging(HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ofMillis(20)).build())
          .instrumentation(BackonMicrometer.of(meterRegistry))
          .build();
    }

    @Bean
    OwnMetersClient ownMetersClient() {
      return new OwnMetersClient();
    }
  }

  /** Hedges the non-hedging default policy through its annotation; its first copy hangs. */
  static class InlineHedge {

    private final AtomicInteger copies = new AtomicInteger();

    @Backon(hedges = 2, hedgeDelay = "20ms")
    public String call() throws InterruptedException {
      return firstCopyHangs(copies);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class InlineHedgeConfig {

    @Bean
    InlineHedge inlineHedge() {
      return new InlineHedge();
    }
  }
}
