package io.backon.spring.boot.autoconfigure.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A service as an SRE runs it with Zipkin: Spring Boot's auto-configuration with Actuator,
 * Prometheus and Micrometer Tracing's Brave bridge, every trace sampled (the tests set {@code
 * management.tracing.sampling.probability=1.0}), finished spans handed to {@link FinishedSpans} as
 * they would be to Zipkin's reporter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class BraveApp {

  /** Spring Boot adds every {@code SpanHandler} bean to Brave's {@code Tracing}. */
  @Bean
  FinishedSpans finishedSpans() {
    return new FinishedSpans();
  }

  @Bean
  Payments payments(Tracer tracer) {
    return new Payments(tracer);
  }
}
