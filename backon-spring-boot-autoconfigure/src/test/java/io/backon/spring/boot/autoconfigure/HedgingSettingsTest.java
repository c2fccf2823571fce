package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.Retries;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * max-hedges and @Backon(hedges) count the copies in flight including the first, the same number as
 * HedgingPolicy.maxHedges (DESIGN §3), once backon.max-hedges-includes-first confirms it.
 */
public class HedgingSettingsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.max-hedges-includes-first=true",
              "backon.policies.hedged.hedging.max-hedges=2",
              "backon.policies.hedged.hedging.delay=20ms");

  @Test
  void maxHedgesIsTheSameNumberAsTheCoresMaxHedges() {
    runner.run(
        context ->
            assertThat(
                    context
                        .getBean(RetryPolicyRegistry.class)
                        .policy("hedged")
                        .hedging()
                        .maxHedges())
                .isEqualTo(2));
  }

  @Test
  void maxHedgesOneTurnsHedgingOffEvenWhenTheDefaultsHedge() {
    runner
        .withPropertyValues(
            "backon.defaults.hedging.max-hedges=3", "backon.policies.single.hedging.max-hedges=1")
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              assertThat(registry.policy("default").hedging().maxHedges()).isEqualTo(3);
              assertThat(registry.policy("single").hedging()).isNull();
            });
  }

  @Test
  void withoutTheConfirmationAHedgeCountStopsTheStartupInsteadOfChangingMeaning() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
        .withPropertyValues("backon.policies.hedged.hedging.max-hedges=2")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BackonConfigurationException.class)
                    .hasMessageContaining("BACKON-CFG-019"));
  }

  @Test
  void aSlowPrimaryIsOvertakenByItsHedge() {
    runner
        .withUserConfiguration(SlowFirstCopy.Config.class)
        .run(
            context -> {
              SlowFirstCopy service = context.getBean(SlowFirstCopy.class);

              assertThat(service.call()).isEqualTo("hedge");
              assertThat(service.primaryCancelled().await(10, TimeUnit.SECONDS))
                  .as("the losing primary is interrupted")
                  .isTrue();
            });
  }

  @Test
  void anInlineHedgesAttributeCountsTheFirstCopyToo() {
    runner
        .withUserConfiguration(SlowFirstCopy.Config.class)
        .run(
            context ->
                assertThat(
                        io.backon.spring.boot.autoconfigure.test.BackonBeans.policyOf(
                                context.getBean(SlowFirstCopy.class), "inline")
                            .hedging()
                            .maxHedges())
                    .isEqualTo(3));
  }

  @Test
  void aMoreSpecificLayerSwitchesBetweenAFixedAndAPercentileHedgeDelay() {
    runner
        .withPropertyValues(
            "backon.policies.adaptive.extends=hedged",
            "backon.policies.adaptive.hedging.delay-percentile=95")
        .withBean(FixedDelayOverAdaptivePolicy.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(
                      context
                          .getBean(RetryPolicyRegistry.class)
                          .policy("adaptive")
                          .hedging()
                          .hedgeDelay())
                  .asString()
                  .startsWith("percentile(95.0,");
              assertThat(
                      io.backon.spring.boot.autoconfigure.test.BackonBeans.policyOf(
                              context.getBean(FixedDelayOverAdaptivePolicy.class), "call")
                          .hedging()
                          .hedgeDelay())
                  .hasToString("fixed(PT0.05S)");
            });
  }

  /** A fixed hedge delay over a policy whose delay is a percentile. */
  public static class FixedDelayOverAdaptivePolicy {
    @Backon(value = "adaptive", hedgeDelay = "50ms")
    public String call() {
      return "x";
    }
  }

  /** The first copy hangs until it is cancelled; the second answers at once. */
  public static class SlowFirstCopy {

    /** Registers the bean. */
    public static final Class<?> CONFIG = Config.class;

    final CountDownLatch primaryCancelled = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger copies =
        new java.util.concurrent.atomic.AtomicInteger();

    @Backon("hedged")
    public String call() throws InterruptedException {
      if (copies.incrementAndGet() == 1) {
        try {
          new CountDownLatch(1).await(30, TimeUnit.SECONDS);
          return "primary";
        } catch (InterruptedException cancelled) {
          primaryCancelled.countDown();
          throw cancelled;
        }
      }
      return "hedge";
    }

    public CountDownLatch primaryCancelled() {
      return primaryCancelled;
    }

    @Backon(value = "hedged", hedges = 3)
    public String inline() {
      return String.valueOf(Retries.attemptNumber());
    }

    @Configuration(proxyBeanMethods = false)
    public static class Config {
      @Bean
      SlowFirstCopy slowFirstCopy() {
        return new SlowFirstCopy();
      }
    }
  }
}
