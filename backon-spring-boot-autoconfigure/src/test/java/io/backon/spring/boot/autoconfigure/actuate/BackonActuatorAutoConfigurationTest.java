package io.backon.spring.boot.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.EventType;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class BackonActuatorAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  BackonAutoConfiguration.class, BackonActuatorAutoConfiguration.class));

  @Test
  void theEndpointExistsWhenItIsExposed() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=backon")
        .run(context -> assertThat(context).hasSingleBean(BackonEndpoint.class));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "10001"})
  void anEventCapacityOutOfRangeStopsTheStartupNamingTheProperty(String capacity) {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=backon",
            "backon.events.capacity=" + capacity)
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(BackonConfigurationException.class)
                    .hasMessageContaining("BACKON-CFG-007")
                    .hasMessageContaining("backon.events.capacity")
                    .hasMessageContaining("the value " + capacity + " is not allowed"));
  }

  @Test
  void theWebExtensionAddsHttpStatusesWhenTheEndpointIsExposedOverHttp() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=backon")
        .run(context -> assertThat(context).hasSingleBean(BackonWebEndpointExtension.class));
  }

  @Test
  void onlyJmxExposureNeedsNoWebExtension() {
    runner
        .withPropertyValues(
            "management.endpoints.jmx.exposure.include=backon", "spring.jmx.enabled=true")
        .run(
            context -> {
              assertThat(context).hasSingleBean(BackonEndpoint.class);
              assertThat(context).doesNotHaveBean(BackonWebEndpointExtension.class);
            });
  }

  @Test
  void theEventHistoryListensToEveryPolicyWhileTheEndpointIsAvailable() {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=backon",
            "backon.policies.payments.max-tries=2",
            "backon.events.capacity=7")
        .run(
            context -> {
              assertThat(context).hasSingleBean(BackonEventHistory.class);
              assertThat(context.getBean(BackonEventHistory.class).capacity()).isEqualTo(7);
              assertThat(
                      context
                          .getBean(RetryPolicyRegistry.class)
                          .policy("payments")
                          .listeners(EventType.GIVE_UP))
                  .hasSize(1);
            });
  }

  @Test
  void nothingIsRecordedWhenTheEndpointIsNotAvailable() {
    runner
        .withPropertyValues("backon.policies.payments.max-tries=2")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(BackonEventHistory.class);
              assertThat(
                      context
                          .getBean(RetryPolicyRegistry.class)
                          .policy("payments")
                          .listeners(EventType.GIVE_UP))
                  .isEmpty();
            });
  }

  @Test
  void theEndpointIsAbsentWhenItIsNotExposed() {
    runner.run(context -> assertThat(context).doesNotHaveBean(BackonEndpoint.class));
  }

  @Test
  void aUserDefinedEndpointBeanWins() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=backon")
        .withUserConfiguration(OwnEndpoint.class)
        .run(
            context ->
                assertThat(context)
                    .hasSingleBean(BackonEndpoint.class)
                    .getBean(BackonEndpoint.class)
                    .isSameAs(OwnEndpoint.INSTANCE));
  }

  @Test
  void nothingIsConfiguredWithoutActuator() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=backon")
        .withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(BackonEndpoint.class);
              assertThat(context).doesNotHaveBean(BackonHealthContributor.class);
            });
  }

  @Test
  void theHealthContributorIsConfiguredByDefault() {
    runner.run(context -> assertThat(context).hasSingleBean(BackonHealthContributor.class));
  }

  @Test
  void theHealthContributorCanBeTurnedOff() {
    runner
        .withPropertyValues("management.health.backon.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(BackonHealthContributor.class));
  }

  @Test
  void theHealthContributorNeedsTheHealthModule() {
    runner
        .withClassLoader(new FilteredClassLoader(HealthContributor.class))
        .run(context -> assertThat(context).doesNotHaveBean(BackonHealthContributor.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEndpoint {

    static final BackonEndpoint INSTANCE = new BackonEndpoint(null, null, null);

    @Bean
    BackonEndpoint myBackonEndpoint() {
      return INSTANCE;
    }
  }
}
