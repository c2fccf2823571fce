package io.backon.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import brave.handler.MutableSpan;
import io.backon.micrometer.BackonAttemptContext;
import io.backon.micrometer.BackonAttemptObservationConvention;
import io.backon.micrometer.BackonCallContext;
import io.backon.micrometer.BackonCallObservationConvention;
import io.backon.micrometer.DefaultBackonAttemptObservationConvention;
import io.backon.micrometer.DefaultBackonCallObservationConvention;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the settings a Spring Boot user reaches for do to Backon's spans under Brave: the user's
 * {@link BackonCallObservationConvention} and {@link BackonAttemptObservationConvention} beans and
 * {@link GlobalObservationConvention}s name and tag the spans (and the timers Spring Boot's meter
 * handler makes from a renamed observation); {@code management.observations.enable.backon=false}
 * and {@code backon.observations.enabled=off} turn Backon's spans off, leaving the target in its
 * caller's span, without a warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservationSettingsWithBraveTest {

  private static final String[] PROPERTIES = {
    "management.tracing.sampling.probability=1.0",
    "management.otlp.metrics.export.enabled=false",
    "spring.main.web-application-type=none",
    "backon.policies.payments.max-tries=3",
    "backon.policies.payments.wait=none",
    "backon.policies.payments.retry-on=java.io.IOException",
    "backon.policies.quotes.max-tries=1"
  };

  @Test
  void conventionBeansNameAndTagTheSpansAndTheTimersOfTheRenamedObservations() throws Exception {
    try (ConfigurableApplicationContext app = start(Conventions.class)) {
      callOnceAfterOneFailure(app);

      FinishedSpans spans = app.getBean(FinishedSpans.class);
      MutableSpan call = spans.one("charge via payments");
      assertThat(call.tags()).containsEntry("team", "checkout");
      assertThat(spans.childrenOf(call))
          .extracting(MutableSpan::name)
          .containsExactly("charge attempt 1", "charge attempt 2");
      assertThat(spans.childrenOf(call))
          .allSatisfy(attempt -> assertThat(attempt.tags()).containsEntry("team", "checkout"));
      assertThat(app.getBean(PrometheusMeterRegistry.class).scrape())
          .containsPattern("(?m)^checkout_charge_seconds_count\\{.*team=\"checkout\".*\\} 1")
          .containsPattern("(?m)^checkout_charge_attempt_seconds_count\\{.*team=\"checkout\".*\\}");
    }
  }

  @Test
  void aGlobalConventionOfTheUsersNamesAndTagsTheCallSpans() throws Exception {
    try (ConfigurableApplicationContext app = start(GlobalConvention.class)) {
      callOnceAfterOneFailure(app);

      MutableSpan call = app.getBean(FinishedSpans.class).one("charge via payments");
      assertThat(call.tags())
          .containsEntry("team", "checkout")
          .containsEntry("outcome", "success_with_retry");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"management.observations.enable.backon=false", "backon.observations.enabled=off"})
  void aSettingTurnsBackonsSpansOffAndTheTargetRunsInItsCallersSpan(
      String setting, CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext app = start(Object.class, setting)) {
      Observation.createNotStarted("checkout", app.getBean(ObservationRegistry.class))
          .observeChecked(() -> callOnceAfterOneFailure(app));

      FinishedSpans spans = app.getBean(FinishedSpans.class);
      MutableSpan checkout = spans.one("checkout");
      assertThat(spans.all()).extracting(MutableSpan::name).containsExactly("checkout");
      assertThat(app.getBean(Payments.class).spansOfAttempts())
          .containsExactly(checkout.id(), checkout.id());
      assertThat(output.getOut()).doesNotContain(" WARN ").doesNotContain(" ERROR ");
    }
  }

  private static ConfigurableApplicationContext start(Class<?> userConfig, String... properties) {
    return new SpringApplicationBuilder(BraveApp.class, userConfig)
        .properties(PROPERTIES)
        .properties(properties)
        .run();
  }

  private static String callOnceAfterOneFailure(ConfigurableApplicationContext app)
      throws IOException {
    Payments payments = app.getBean(Payments.class);
    payments.failFirst(1);
    assertThat(payments.charge()).isEqualTo("charged");
    return "charged";
  }

  @Configuration(proxyBeanMethods = false)
  static class Conventions {

    @Bean
    BackonCallObservationConvention chargeCallConvention() {
      return new DefaultBackonCallObservationConvention() {
        @Override
        public String getName() {
          return "checkout.charge";
        }

        @Override
        public String getContextualName(BackonCallContext context) {
          return "charge via " + context.policyName();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
          return super.getLowCardinalityKeyValues(context).and("team", "checkout");
        }
      };
    }

    @Bean
    BackonAttemptObservationConvention chargeAttemptConvention() {
      return new DefaultBackonAttemptObservationConvention() {
        @Override
        public String getName() {
          return "checkout.charge.attempt";
        }

        @Override
        public String getContextualName(BackonAttemptContext context) {
          return "charge attempt " + context.attemptNumber();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(BackonAttemptContext context) {
          return super.getLowCardinalityKeyValues(context).and("team", "checkout");
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class GlobalConvention {

    @Bean
    GlobalObservationConvention<BackonCallContext> teamCallConvention() {
      return new TeamCallConvention();
    }
  }

  /** A global convention of the user's for Backon's calls. */
  static class TeamCallConvention extends DefaultBackonCallObservationConvention
      implements GlobalObservationConvention<BackonCallContext> {

    @Override
    public String getContextualName(BackonCallContext context) {
      return "charge via " + context.policyName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
      return super.getLowCardinalityKeyValues(context).and("team", "checkout");
    }
  }
}
