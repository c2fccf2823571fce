package io.backon.benchmarks.boot;

import io.backon.benchmarks.spring.UnadvisedService;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * The application {@link BootActuatorBenchmark} starts: every auto-configuration on the class path
 * (Backon's starter, Actuator with a Prometheus registry and Boot's observation auto-configuration,
 * Resilience4j's Boot 4 starter with its metrics), Spring 7's {@code @EnableResilientMethods}, one
 * bean per library, and the settings in {@code backon-boot-benchmark.yml}. No web server.
 *
 * <p>The jar also holds Micrometer Tracing's OpenTelemetry bridge. With {@link Tracing#NONE} every
 * auto-configuration of Boot's tracing and OpenTelemetry modules is excluded, so the context is the
 * one a user with only {@code spring-boot-starter-actuator} gets; with {@link Tracing#OTEL} they
 * run, profile {@code otel} samples every call, and a {@link DiscardingSpanExporter} receives the
 * spans.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableResilientMethods
public class BootBenchmarkApplication {

  /** The name of the settings file ({@code spring.config.name}) and of the tracing profile. */
  static final String CONFIG_NAME = "backon-boot-benchmark";

  private static final String OTEL_PROFILE = "otel";
  private static final List<String> TRACING_PACKAGES =
      List.of(
          "org.springframework.boot.micrometer.tracing.",
          "org.springframework.boot.opentelemetry.");

  /** Whether the application traces. */
  public enum Tracing {
    /** Actuator without tracing: meters and observations only. */
    NONE,
    /**
     * Micrometer Tracing's OpenTelemetry bridge, every call sampled, spans exported and dropped.
     */
    OTEL
  }

  /** Starts the application. */
  public static ConfigurableApplicationContext start(Tracing tracing) {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(BootBenchmarkApplication.class)
            .web(WebApplicationType.NONE)
            .properties("spring.config.name=" + CONFIG_NAME);
    if (tracing == Tracing.OTEL) {
      builder.profiles(OTEL_PROFILE);
    } else {
      builder.properties(
          "spring.autoconfigure.exclude=" + String.join(",", tracingAutoConfigurations()),
          // The tracing module's environment post-processor adds trace ids to Boot's log pattern.
          "logging.pattern.correlation=");
    }
    return builder.run();
  }

  /** Every auto-configuration of Boot's tracing and OpenTelemetry modules on the class path. */
  private static List<String> tracingAutoConfigurations() {
    return ImportCandidates.load(
            AutoConfiguration.class, BootBenchmarkApplication.class.getClassLoader())
        .getCandidates()
        .stream()
        .filter(name -> TRACING_PACKAGES.stream().anyMatch(name::startsWith))
        .toList();
  }

  @Bean
  UnadvisedService unadvisedService() {
    return new UnadvisedService();
  }

  @Bean
  BootBackonService bootBackonService() {
    return new BootBackonService();
  }

  @Bean
  BootResilience4jService bootResilience4jService() {
    return new BootResilience4jService();
  }

  @Bean
  BootRetryableService bootRetryableService() {
    return new BootRetryableService();
  }

  @Bean
  @Profile(OTEL_PROFILE)
  DiscardingSpanExporter discardingSpanExporter() {
    return new DiscardingSpanExporter();
  }
}
