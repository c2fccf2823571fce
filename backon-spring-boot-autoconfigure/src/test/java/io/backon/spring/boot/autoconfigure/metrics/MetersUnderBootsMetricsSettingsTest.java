package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.backon.breaker.CircuitOpenException;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.metrics.Shop.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Backon's meters under the settings a Spring Boot user gives Actuator's metrics ({@code
 * management.metrics.tags}, {@code .enable}, {@code .distribution}) and under the user's own {@link
 * MeterFilter} and {@link MeterRegistryCustomizer} beans, as Prometheus scrapes them.
 */
class MetersUnderBootsMetricsSettingsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  PrometheusMetricsExportAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  BackonAutoConfiguration.class,
                  BackonMetricsAutoConfiguration.class))
          .withPropertyValues(Shop.POLICIES)
          .withPropertyValues("backon.policies.late.max-tries=2", "backon.policies.late.wait=none")
          .withUserConfiguration(ShopConfig.class);

  @Test
  void commonTagsAreOnEveryBackonMeterAlsoOfPoliciesBuiltLate() {
    runner
        .withPropertyValues("management.metrics.tags.region=eu")
        .run(
            context -> {
              callEveryOutcome(context.getBean(Shop.class));
              context.getBean(LateShop.class).order(Failures.first(1));
              context.getBean(RetryPolicyRegistry.class).retrying("late").call(() -> "ok");

              List<String> samples = backonSamples(context.getBean(PrometheusMeterRegistry.class));

              assertThat(samples)
                  .anyMatch(s -> s.startsWith("backon_calls_seconds_count{"))
                  .anyMatch(s -> s.startsWith("backon_attempts_total{"))
                  .anyMatch(s -> s.startsWith("backon_circuitbreaker_state{"))
                  .anyMatch(s -> s.startsWith("backon_budget_tokens{"))
                  .anyMatch(s -> s.contains("name=\"late\""))
                  .allMatch(s -> s.contains("region=\"eu\""));
            });
  }

  @Test
  void aDisabledMeterIsGoneAndCallsGoOnQuietly() {
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger backon = Logger.getLogger("io.backon");
    backon.addHandler(handler);
    try {
      runner
          .withPropertyValues("management.metrics.enable.backon.attempts=false")
          .run(
              context -> {
                callEveryOutcome(context.getBean(Shop.class));

                List<String> samples =
                    backonSamples(context.getBean(PrometheusMeterRegistry.class));

                assertThat(samples)
                    .anyMatch(s -> s.startsWith("backon_calls_seconds_count{"))
                    .noneMatch(s -> s.startsWith("backon_attempts"));
              });
    } finally {
      backon.removeHandler(handler);
    }
    assertThat(warnings)
        .extracting(LogRecord::getMessage)
        .as("only the give-ups and the breaker opening, no failing meter")
        .isNotEmpty()
        .allMatch(
            m -> m.startsWith("Giving up on Shop.") || m.startsWith("Circuit breaker 'stock'"));
  }

  @Test
  void disablingBackonRemovesEveryBackonMeter() {
    runner
        .withPropertyValues("management.metrics.enable.backon=false")
        .run(
            context -> {
              callEveryOutcome(context.getBean(Shop.class));

              assertThat(backonSamples(context.getBean(PrometheusMeterRegistry.class))).isEmpty();
            });
  }

  @Test
  void bootsDistributionSettingsGiveTheCallTimerItsBuckets() {
    runner
        .withPropertyValues(
            "management.metrics.distribution.percentiles-histogram.backon.calls=true",
            "management.metrics.distribution.slo.backon.calls=100ms")
        .run(
            context -> {
              callEveryOutcome(context.getBean(Shop.class));

              List<String> samples = backonSamples(context.getBean(PrometheusMeterRegistry.class));

              assertThat(samples)
                  .anyMatch(
                      s ->
                          s.startsWith("backon_calls_seconds_bucket{")
                              && s.contains("name=\"orders\"")
                              && s.contains("le=\"0.1\""))
                  .anyMatch(
                      s ->
                          s.startsWith("backon_calls_seconds_bucket{")
                              && s.contains("le=\"+Inf\""));
            });
  }

  @Test
  void theUsersFiltersAndCustomizersApplyToBackonsMeters() {
    runner
        .withUserConfiguration(UserFilters.class)
        .run(
            context -> {
              callEveryOutcome(context.getBean(Shop.class));

              List<String> samples = backonSamples(context.getBean(PrometheusMeterRegistry.class));

              assertThat(samples)
                  .anyMatch(s -> s.startsWith("backon_calls_seconds_count{"))
                  .allMatch(s -> s.contains("team=\"shop\""))
                  .noneMatch(s -> s.contains("\"guarded\"") || s.contains("\"stock\""))
                  .filteredOn(s -> s.startsWith("backon_calls") || s.startsWith("backon_attempts"))
                  .allMatch(s -> s.contains("policy=\"orders\"") && !s.contains("name="));
            });
  }

  @Test
  void aSecondRegistryOfTheUsersCountsWhatPrometheusCountsUnderConcurrentCalls() {
    runner
        .withBean("myRegistry", SimpleMeterRegistry.class, SimpleMeterRegistry::new)
        .run(
            context -> {
              Shop shop = context.getBean(Shop.class);
              int threads = 8;
              int rounds = 10;
              ExecutorService pool = Executors.newFixedThreadPool(threads);
              List<Future<?>> done = new ArrayList<>();
              for (int t = 0; t < threads; t++) {
                done.add(
                    pool.submit(
                        () -> {
                          for (int round = 0; round < rounds; round++) {
                            callEveryOutcome(shop);
                          }
                          return null;
                        }));
              }
              for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
              }
              pool.shutdown();

              assertThat(context.getBean(MeterRegistry.class))
                  .isInstanceOf(CompositeMeterRegistry.class);
              SimpleMeterRegistry simple = context.getBean(SimpleMeterRegistry.class);
              PrometheusMeterRegistry prometheus = context.getBean(PrometheusMeterRegistry.class);
              int each = threads * rounds;
              assertThat(counts(simple, "backon.calls", "orders"))
                  .containsOnly(
                      entry("success_without_retry/none", (double) each),
                      entry("success_with_retry/none", (double) each),
                      entry("failure_with_retry/IOException", (double) each),
                      entry("fallback/IOException", (double) each));
              assertThat(counts(simple, "backon.attempts", "orders"))
                  .containsOnly(
                      entry("success/none", 2.0 * each), entry("failure/IOException", 7.0 * each));
              assertThat(total(counts(simple, "backon.calls", "guarded"))).isEqualTo(2.0 * each);
              assertThat(total(counts(simple, "backon.attempts", "guarded"))).isEqualTo(2.0 * each);
              for (String meter : List.of("backon.calls", "backon.attempts")) {
                for (String policy : List.of("orders", "guarded")) {
                  assertThat(counts(prometheus, meter, policy))
                      .as("%s of %s", meter, policy)
                      .isEqualTo(counts(simple, meter, policy));
                }
              }
            });
  }

  /** The counts of a meter's series of one policy, by outcome/exception. */
  private static Map<String, Double> counts(MeterRegistry registry, String meter, String policy) {
    Map<String, Double> counts = new TreeMap<>();
    for (Meter each : registry.find(meter).tag("name", policy).meters()) {
      double count = each instanceof Timer timer ? timer.count() : ((Counter) each).count();
      counts.put(each.getId().getTag("outcome") + "/" + each.getId().getTag("exception"), count);
    }
    return counts;
  }

  private static double total(Map<String, Double> counts) {
    return counts.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Makes one call of each outcome a meter counts, and opens the {@code stock} breaker. */
  static void callEveryOutcome(Shop shop) throws IOException {
    assertThat(shop.order(Failures.first(0))).isEqualTo("ok");
    assertThat(shop.order(Failures.first(1))).isEqualTo("ok");
    assertThatThrownBy(() -> shop.order(Failures.first(5))).isInstanceOf(IOException.class);
    assertThat(shop.orderOrFallBack(Failures.first(5))).isEqualTo("later");
    assertThatThrownBy(() -> shop.checkStock(Failures.first(1)))
        .isInstanceOfAny(IOException.class, CircuitOpenException.class);
    assertThatThrownBy(() -> shop.checkStock(Failures.first(0)))
        .isInstanceOf(CircuitOpenException.class);
  }

  /** The lines of a Prometheus scrape that are samples of Backon's meters. */
  static List<String> backonSamples(PrometheusMeterRegistry registry) {
    return registry.scrape().lines().filter(line -> line.startsWith("backon")).toList();
  }

  @Configuration(proxyBeanMethods = false)
  static class ShopConfig {
    @Bean
    Shop shop() {
      return new Shop();
    }

    @Bean
    @Lazy
    LateShop lateShop() {
      return new LateShop();
    }
  }

  /** A bean created on first use, with a policy no other bean uses. */
  public static class LateShop {
    @io.backon.Backon("late")
    public String order(Failures failures) throws IOException {
      return failures.next();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserFilters {
    @Bean
    MeterFilter policyTagNamedPolicy() {
      return MeterFilter.renameTag("backon.calls", "name", "policy");
    }

    @Bean
    MeterFilter attemptsPolicyTag() {
      return MeterFilter.renameTag("backon.attempts", "name", "policy");
    }

    /** Denies by the tag's value under either key: Boot applies the filters in bean order. */
    @Bean
    MeterFilter noStockMeters() {
      return MeterFilter.deny(
          id ->
              "guarded".equals(id.getTag("name"))
                  || "stock".equals(id.getTag("name"))
                  || "guarded".equals(id.getTag("policy")));
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> teamTag() {
      return registry -> registry.config().commonTags("team", "shop");
    }
  }
}
