package io.backon.benchmarks.boot;

import io.backon.benchmarks.boot.BootBenchmarkApplication.Tracing;
import io.backon.benchmarks.spring.UnadvisedService;
import java.util.Locale;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One running {@link BootBenchmarkApplication} per trial and the beans the benchmark calls. The
 * setup checks, with one call of each method, that what is measured is the field configuration
 * ({@link FieldConfigurationCheck}); a trial whose context is not fails instead of measuring it.
 */
@State(Scope.Benchmark)
public class ActuatorApplication {

  /**
   * {@code none}: Actuator without tracing; {@code otel}: with the OpenTelemetry tracing bridge.
   */
  @Param({"none", "otel"})
  public String tracing = "none";

  // Placeholders until the context starts (JMH sets @Param fields after construction).
  ConfigurableApplicationContext context = new GenericApplicationContext();
  UnadvisedService unadvised = new UnadvisedService();
  FlakyTarget unadvisedFlaky = new FlakyTarget();
  BootBackonService backon = new BootBackonService();
  BootResilience4jService resilience4j = new BootResilience4jService();
  BootRetryableService springCore = new BootRetryableService();

  /** Starts the application, takes its (proxied) beans and checks the configuration. */
  @Setup(Level.Trial)
  public void start() throws Exception {
    Tracing mode = Tracing.valueOf(tracing.toUpperCase(Locale.ROOT));
    context = BootBenchmarkApplication.start(mode);
    unadvised = context.getBean(UnadvisedService.class);
    backon = context.getBean(BootBackonService.class);
    resilience4j = context.getBean(BootResilience4jService.class);
    springCore = context.getBean(BootRetryableService.class);
    FieldConfigurationCheck.requireAdvised(backon, resilience4j, springCore);
    for (int i = 0; i < 2; i++) {
      backon.call();
      resilience4j.call();
      springCore.call();
      backon.failureThenSuccess();
      resilience4j.failureThenSuccess();
      springCore.failureThenSuccess();
      backon.mono().block();
      resilience4j.mono().block();
      springCore.mono().block();
    }
    FieldConfigurationCheck.require(context, mode);
  }

  /** Closes the application. */
  @TearDown(Level.Trial)
  public void close() {
    context.close();
  }
}
