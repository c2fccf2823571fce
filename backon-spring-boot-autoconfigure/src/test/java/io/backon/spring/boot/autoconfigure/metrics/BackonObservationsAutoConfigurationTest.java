package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.micrometer.BackonAttemptContext;
import io.backon.micrometer.BackonAttemptObservationConvention;
import io.backon.micrometer.BackonCallContext;
import io.backon.micrometer.BackonCallObservationConvention;
import io.backon.micrometer.BackonMeterNames;
import io.backon.micrometer.DefaultBackonAttemptObservationConvention;
import io.backon.micrometer.DefaultBackonCallObservationConvention;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfigurationTest.Client;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When Backon's calls are observations in Spring: only when something beyond Spring Boot's meter
 * handler consumes them, unless {@code backon.observations.enabled} says otherwise. Observations
 * are read from a {@link TestObservationRegistry}, which records every observation made in it.
 */
class BackonObservationsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  BackonAutoConfiguration.class,
                  BackonMetricsAutoConfiguration.class))
          .withUserConfiguration(Client.Config.class)
          .withPropertyValues("backon.policies.payments.wait=none");

  @Test
  void withOnlySpringBootsMeterHandlerCallsAreMeasuredButNotObserved() {
    runner
        .withUserConfiguration(Observations.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasNumberOfObservationsWithNameEqualTo("backon.call", 0)
                  .hasNumberOfObservationsWithNameEqualTo("backon.attempt", 0);
              assertThat(context.getBean(MeterRegistry.class).get("backon.calls").timer().count())
                  .isEqualTo(1);
            });
  }

  @Test
  void aHandlerOfTheApplicationsMakesEachCallAnObservationWithAChildPerAttempt() {
    runner
        .withUserConfiguration(Observations.class)
        .withBean(OwnHandler.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasNumberOfObservationsWithNameEqualTo("backon.call", 1)
                  .hasNumberOfObservationsWithNameEqualTo("backon.attempt", 2);
              assertThat(context.getBean(OwnHandler.class).stopped)
                  .containsExactly("backon.attempt", "backon.attempt", "backon.call");
            });
  }

  @Test
  void theMeterHandlersTimersOfObservedCallsAreDenied() {
    runner
        .withUserConfiguration(Observations.class)
        .withBean(OwnHandler.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("backon.call").meters()).isEmpty();
              assertThat(meters.find("backon.attempt").meters()).isEmpty();
              assertThat(meters.find("backon.call.active").meters()).isEmpty();
              assertThat(meters.find("backon.calls").timers()).isNotEmpty();
            });
  }

  @Test
  void aTracingBridgeMakesTheCallAndEachAttemptASpan() {
    runner
        .withConfiguration(AutoConfigurations.of(MicrometerTracingAutoConfiguration.class))
        .withUserConfiguration(Tracing.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              List<SimpleSpan> spans =
                  new ArrayList<>(context.getBean(SimpleTracer.class).getSpans());
              SimpleSpan call =
                  spans.stream()
                      .filter(s -> s.getName().equals("backon payments"))
                      .findFirst()
                      .orElseThrow();
              assertThat(spans)
                  .filteredOn(s -> s.getName().equals("backon payments attempt"))
                  .hasSize(2)
                  .allSatisfy(
                      attempt -> assertThat(attempt.getParentId()).isEqualTo(call.getSpanId()))
                  .extracting(s -> s.getTags().get("backon.attempt"))
                  .containsExactlyInAnyOrder("1", "2");
              assertThat(call.getTags()).containsEntry("outcome", "success_with_retry");
            });
  }

  @Test
  void micrometerTracingWithoutABridgeLeavesCallsOutsideAnyObservation() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                NoopTracerAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
        .withBean(ObservedClient.class)
        .run(
            context -> {
              ObservedClient client = context.getBean(ObservedClient.class);

              client.call();

              assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
              assertThat(client.observedAs()).containsExactly("none");
            });
  }

  @Test
  void observationsCanBeForcedOn() {
    runner
        .withUserConfiguration(Observations.class)
        .withPropertyValues("backon.observations.enabled=on")
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasNumberOfObservationsWithNameEqualTo("backon.call", 1);
            });
  }

  @Test
  void forcedOnCallsAreObservedEvenWhenOnlySpringBootsMeterHandlerConsumesThem() {
    runner
        .withBean(ObservedClient.class)
        .withPropertyValues("backon.observations.enabled=on")
        .run(
            context -> {
              ObservedClient client = context.getBean(ObservedClient.class);

              client.call();

              assertThat(client.observedAs()).containsExactly("backon.attempt");
            });
  }

  @Test
  void byDefaultCallsWithOnlySpringBootsMeterHandlerRunOutsideAnyObservation() {
    runner
        .withBean(ObservedClient.class)
        .run(
            context -> {
              ObservedClient client = context.getBean(ObservedClient.class);

              client.call();

              assertThat(client.observedAs()).containsExactly("none");
            });
  }

  @Test
  void observationsCanBeTurnedOffDespiteAHandler() {
    runner
        .withUserConfiguration(Observations.class)
        .withBean(OwnHandler.class)
        .withPropertyValues("backon.observations.enabled=false")
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              assertThat(context.getBean(OwnHandler.class).stopped).isEmpty();
              assertThat(context.getBean(MeterRegistry.class).get("backon.calls").timer().count())
                  .isEqualTo(1);
            });
  }

  @Test
  void aCallConventionBeanNamesAndTagsTheCallObservation() {
    runner
        .withUserConfiguration(Observations.class, CallConvention.class)
        .withBean(OwnHandler.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasObservationWithNameEqualTo("backon.call")
                  .that()
                  .hasLowCardinalityKeyValue("team", "checkout");
            });
  }

  @Test
  void anAttemptConventionBeanNamesTheAttemptObservations() {
    runner
        .withUserConfiguration(Observations.class, AttemptConvention.class)
        .withBean(OwnHandler.class)
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              TestObservationRegistryAssert.assertThat(
                      context.getBean(TestObservationRegistry.class))
                  .hasNumberOfObservationsWithNameEqualTo("checkout.attempt", 2);
            });
  }

  @Test
  void aScrapeWithTracingAndHedgingHasNoUndocumentedBackonMeter() {
    runner
        .withConfiguration(
            AutoConfigurations.of(
                PrometheusMetricsExportAutoConfiguration.class,
                MicrometerTracingAutoConfiguration.class))
        .withUserConfiguration(Tracing.class)
        .withPropertyValues(
            "backon.max-hedges-includes-first=true",
            "backon.policies.payments.hedging.max-hedges=2",
            "backon.policies.payments.hedging.delay=0ms",
            "backon.policies.payments.circuit-breaker=payments-api",
            "backon.policies.payments.budget=payments-api",
            "backon.circuit-breakers.payments-api.failure-threshold=5",
            "backon.budgets.payments-api.max-tokens=20")
        .run(
            context -> {
              callOnceAfterOneFailure(context.getBean(Client.class));

              Set<String> scraped =
                  backonMetricNames(context.getBean(PrometheusMeterRegistry.class).scrape());

              assertThat(context.getBean(SimpleTracer.class).getSpans()).isNotEmpty();
              assertThat(scraped)
                  .contains("backon_hedges_total", "backon_calls_seconds_count")
                  .allSatisfy(name -> assertThat(isDocumented(name)).as(name).isTrue());
            });
  }

  private static void callOnceAfterOneFailure(Client client) throws Exception {
    client.failFirst(1);
    assertThat(client.call()).isEqualTo("ok");
  }

  /** Every metric name starting with "backon" in a scrape, from samples and comments alike. */
  private static Set<String> backonMetricNames(String scrape) {
    Set<String> names = new TreeSet<>();
    Matcher metric =
        Pattern.compile("(?m)^(?:# (?:HELP|TYPE) )?(backon[a-zA-Z0-9_:]*)").matcher(scrape);
    while (metric.find()) {
      names.add(metric.group(1));
    }
    return names;
  }

  /** Whether a Prometheus name is a meter of {@link BackonMeterNames} with a unit or suffix. */
  private static boolean isDocumented(String prometheusName) throws IllegalAccessException {
    for (Field field : BackonMeterNames.class.getFields()) {
      if (field.get(null) instanceof String meterName
          && meterName.startsWith("backon.")
          && prometheusName.matches(
              Pattern.quote(meterName.replace('.', '_'))
                  + "(_seconds|_percent)?(_count|_sum|_max|_bucket|_total)?")) {
        return true;
      }
    }
    return false;
  }

  /** Notes the name of the observation current while its @Backon method runs. */
  public static class ObservedClient {

    private final ObservationRegistry registry;
    private final List<String> observedAs = new CopyOnWriteArrayList<>();

    public ObservedClient(ObservationRegistry registry) {
      this.registry = registry;
    }

    @Backon("payments")
    public String call() {
      Observation current = registry.getCurrentObservation();
      observedAs.add(current == null ? "none" : current.getContext().getName());
      return "ok";
    }

    /** The observation names noted so far, oldest first. */
    public List<String> observedAs() {
      return List.copyOf(observedAs);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Observations {
    @Bean
    TestObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }
  }

  /** An observation handler of the application: it notes the name of each stopped observation. */
  static class OwnHandler implements ObservationHandler<Observation.Context> {

    final List<String> stopped = new CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      stopped.add(context.getName());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Tracing {
    @Bean
    SimpleTracer tracer() {
      return new SimpleTracer();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CallConvention {
    @Bean
    BackonCallObservationConvention teamTaggingCallConvention() {
      return new DefaultBackonCallObservationConvention() {
        @Override
        public KeyValues getLowCardinalityKeyValues(BackonCallContext context) {
          return super.getLowCardinalityKeyValues(context).and("team", "checkout");
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class AttemptConvention {
    @Bean
    BackonAttemptObservationConvention checkoutAttemptConvention() {
      return new DefaultBackonAttemptObservationConvention() {
        @Override
        public String getName() {
          return "checkout.attempt";
        }

        @Override
        public String getContextualName(BackonAttemptContext context) {
          return "checkout attempt " + context.attemptNumber();
        }
      };
    }
  }
}
