package io.backon.spring.boot.autoconfigure.tracing;

import io.micrometer.tracing.Tracer;
import java.io.IOException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service as an SRE runs it with Zipkin: Spring Boot's auto-configuration with Spring MVC,
 * Actuator, Prometheus and Micrometer Tracing's Brave bridge, every trace sampled (the tests set
 * {@code management.tracing.sampling.probability=1.0}), finished spans handed to {@link
 * FinishedSpans} as they would be to Zipkin's reporter. Its endpoint {@code GET /checkout} charges
 * the card.
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

  /**
   * The app's endpoint: {@code GET /checkout} charges the card through {@link Payments}. A member
   * class of the configuration, registered as a bean with it.
   */
  @RestController
  static class Checkout {

    private final Payments payments;

    Checkout(Payments payments) {
      this.payments = payments;
    }

    @GetMapping("/checkout")
    String checkout() throws IOException {
      return payments.charge();
    }
  }
}
