package io.backon.benchmarks.spring;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.aop.framework.Advised;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Benchmark 5: a successful call of an annotated Spring bean method, through each library's
 * annotation and proxy, against the same method on an unadvised bean. Every retry is 3 attempts
 * with no wait.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnnotatedBeanBenchmark {

  private AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
  private UnadvisedService unadvised = new UnadvisedService();
  private BackonAnnotatedService backon = new BackonAnnotatedService();
  private Resilience4jRetryService resilience4j = new Resilience4jRetryService();
  private SpringRetryableService springCore = new SpringRetryableService();
  private SpringRetryService springRetry = new SpringRetryService();

  /** Starts the context and takes the (proxied) beans out of it. */
  @Setup(Level.Trial)
  public void startContext() {
    context = new AnnotationConfigApplicationContext(AnnotatedBeansConfiguration.class);
    unadvised = context.getBean(UnadvisedService.class);
    backon = context.getBean(BackonAnnotatedService.class);
    resilience4j = context.getBean(Resilience4jRetryService.class);
    springCore = context.getBean(SpringRetryableService.class);
    springRetry = context.getBean(SpringRetryService.class);
    requireAdvised(backon);
    requireAdvised(resilience4j);
    requireAdvised(springCore);
    requireAdvised(springRetry);
  }

  /** A bean that is not proxied with advice would silently benchmark nothing. */
  static void requireAdvised(Object bean) {
    if (!(bean instanceof Advised advised) || advised.getAdvisors().length == 0) {
      throw new IllegalStateException(bean.getClass().getName() + " is not advised");
    }
  }

  /** Closes the context. */
  @TearDown(Level.Trial)
  public void closeContext() {
    context.close();
  }

  /** Baseline: the unadvised bean. */
  @Benchmark
  public void unadvised(Blackhole blackhole) {
    blackhole.consume(unadvised.call());
  }

  /** Backon {@code @Backon}. */
  @Benchmark
  public void backon(Blackhole blackhole) {
    blackhole.consume(backon.call());
  }

  /** Resilience4j {@code @Retry}. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) {
    blackhole.consume(resilience4j.call());
  }

  /** Spring Framework 7 {@code @Retryable}. */
  @Benchmark
  public void springCore(Blackhole blackhole) {
    blackhole.consume(springCore.call());
  }

  /** Spring Retry 2.0 {@code @Retryable}. */
  @Benchmark
  public void springRetry(Blackhole blackhole) {
    blackhole.consume(springRetry.call());
  }
}
