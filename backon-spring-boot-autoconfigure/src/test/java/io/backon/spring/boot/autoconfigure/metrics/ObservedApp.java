package io.backon.spring.boot.autoconfigure.metrics;

import io.backon.Backon;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A user's application with Actuator and Prometheus and no tracing bridge: nothing but Spring
 * Boot's auto-configuration (Spring MVC, Boot's observation registry and its meter handler; with
 * Micrometer Tracing on this module's test class path, also Boot's tracing handler of a no-op
 * tracer) and a client on the policy {@code payments}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ObservedApp {

  /** The properties the app starts with: three tries without waits, Prometheus exposed. */
  static final String[] PROPERTIES = {
    "server.port=0",
    "management.endpoints.web.exposure.include=health,prometheus",
    "management.otlp.metrics.export.enabled=false",
    "backon.policies.payments.max-tries=3",
    "backon.policies.payments.wait=none",
    "backon.policies.payments.retry-on=java.io.IOException"
  };

  @Bean
  Client client(ObservationRegistry observations) {
    return new Client(observations);
  }

  /** Calls a flaky downstream and notes the observation current in each attempt's code. */
  public static class Client {

    private final ObservationRegistry registry;
    private final List<String> observedAs = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    public Client(ObservationRegistry registry) {
      this.registry = registry;
    }

    /** Makes the next {@code n} attempts fail with an {@link IOException}. */
    public void failNext(int n) {
      failures.set(n);
    }

    @Backon("payments")
    public String charge() throws IOException {
      Observation current = registry.getCurrentObservation();
      observedAs.add(current == null ? "none" : current.getContext().getName());
      if (failures.getAndDecrement() > 0) {
        throw new IOException("503 Service Unavailable");
      }
      return "charged";
    }

    /** The name of the observation current in each attempt so far ("none" without one). */
    public List<String> observedAs() {
      return List.copyOf(observedAs);
    }
  }
}
