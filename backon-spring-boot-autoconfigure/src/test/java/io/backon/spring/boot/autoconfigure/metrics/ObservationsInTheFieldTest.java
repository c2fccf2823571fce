package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.backon.Retrying;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.spring.boot.autoconfigure.metrics.ObservedApp.Client;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whether Backon's calls are observations in a Spring Boot app with Actuator and no tracing bridge,
 * as its Prometheus scrape and its allocations show: not by default, since only Spring Boot's meter
 * handler and the tracing handler of its no-op tracer (Micrometer Tracing without a bridge) would
 * see them; yes with an {@link ObservationHandler} bean of the user's; as {@code
 * backon.observations.enabled} forces either way.
 */
class ObservationsInTheFieldTest {

  @Test
  void withActuatorAloneARetriedCallRunsOutsideAnyObservation() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      Client client = app.getBean(Client.class);
      client.failNext(1);
      app.getBeansOfType(ObservationHandler.class)
          .forEach((n, h) -> System.err.println("DEBUGH " + n + " " + h));
      app.getBeansOfType(io.micrometer.tracing.Tracer.class)
          .forEach((n, h) -> System.err.println("DEBUGT " + n + " " + h));

      assertThat(client.charge()).isEqualTo("charged");

      assertThat(client.observedAs()).containsExactly("none", "none");
      assertThat(scrape(app)).contains("backon_calls_seconds_count").doesNotContain("backon_call_");
    }
  }

  @Test
  void withActuatorAloneAFirstAttemptSuccessAllocatesNothingForObservations() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      Retrying payments = app.getBean(RetryPolicyRegistry.class).retrying("payments");

      long bytes = bytesPerCall(() -> payments.call(() -> "charged"));

      assertThat(bytes).as("bytes per call (an observed call takes about 5 KB)").isLessThan(64);
    }
  }

  @Test
  void aHandlerOfTheUsersMakesEachCallAnObservationButNoTimerInTheScrape() throws Exception {
    try (ConfigurableApplicationContext app = start(NamesOfStopped.class)) {
      Client client = app.getBean(Client.class);
      client.failNext(1);

      client.charge();

      assertThat(app.getBean(NamesOfStopped.class).names)
          .containsExactly("backon.attempt", "backon.attempt", "backon.call");
      assertThat(client.observedAs()).containsExactly("backon.attempt", "backon.attempt");
      assertThat(scrape(app))
          .contains("backon_calls_seconds_count")
          .doesNotContain("backon_call_")
          .doesNotContain("backon_attempt_seconds")
          .doesNotContain("backon_attempt_active");
    }
  }

  @Test
  void observationsForcedOnObserveEachCallWithActuatorAlone() throws Exception {
    try (ConfigurableApplicationContext app = start("backon.observations.enabled=on")) {
      Client client = app.getBean(Client.class);

      client.charge();

      assertThat(client.observedAs()).containsExactly("backon.attempt");
      assertThat(scrape(app)).doesNotContain("backon_call_");
    }
  }

  @Test
  void observationsForcedOffObserveNothingDespiteAHandlerOfTheUsers() throws Exception {
    try (ConfigurableApplicationContext app =
        start(NamesOfStopped.class, "backon.observations.enabled=off")) {
      Client client = app.getBean(Client.class);

      client.charge();

      assertThat(client.observedAs()).containsExactly("none");
      assertThat(app.getBean(NamesOfStopped.class).names).doesNotContain("backon.call");
    }
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return start(null, properties);
  }

  private static ConfigurableApplicationContext start(Class<?> userBean, String... properties) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(ObservedApp.class)
            .properties(ObservedApp.PROPERTIES)
            .properties(properties);
    if (userBean != null) {
      app.sources(userBean);
    }
    return app.run();
  }

  private static String scrape(ConfigurableApplicationContext app) {
    return app.getBean(PrometheusMeterRegistry.class).scrape();
  }

  /** Runs 20,000 calls to warm up, then the bytes this thread allocates per call of 20,000 more. */
  private static long bytesPerCall(Callable<?> call) throws Exception {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
    threads.setThreadAllocatedMemoryEnabled(true);
    int calls = 20_000;
    for (int i = 0; i < calls; i++) {
      call.call();
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < calls; i++) {
      call.call();
    }
    return (threads.getThreadAllocatedBytes(id) - before) / calls;
  }

  /** An observation handler of the user's: it notes the name of each stopped observation. */
  static class NamesOfStopped implements ObservationHandler<Observation.Context> {

    final List<String> names = new CopyOnWriteArrayList<>();

    @Override
    public void onStop(Observation.Context context) {
      names.add(context.getName());
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return true;
    }
  }
}
