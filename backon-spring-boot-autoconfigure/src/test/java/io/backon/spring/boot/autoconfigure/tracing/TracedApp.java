package io.backon.spring.boot.autoconfigure.tracing;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A service as an SRE runs it: Spring Boot's auto-configuration with Actuator, Prometheus and
 * Micrometer Tracing's OpenTelemetry bridge, every trace sampled (the tests set {@code
 * management.tracing.sampling.probability=1.0}), spans exported to memory as well.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TracedApp {

  /** Spring Boot adds every {@code SpanExporter} bean to its span processor. */
  @Bean
  InMemorySpanExporter inMemorySpanExporter() {
    return InMemorySpanExporter.create();
  }

  @Bean
  Payments payments(Tracer tracer) {
    return new Payments(tracer);
  }
}
