package io.backon.benchmarks.boot;

import io.backon.benchmarks.Targets.TransientFailure;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole annotated call in a running Spring Boot application with Actuator (issue 13): the same
 * trivial target through {@code @Backon}, Resilience4j's {@code @Retry} and Spring 7's
 * {@code @Retryable}, each configured from its Boot properties or annotation, with the meters and
 * observations Boot wires, beside the unadvised bean ({@link ActuatorApplication}, {@link
 * BootBenchmarkApplication}). Two paths: first-attempt success under a realistic policy, and one
 * failure then a success under a zero-wait policy, at Boot's default log levels. Parameter {@code
 * tracing}: without ({@code none}) and with ({@code otel}) the OpenTelemetry tracing bridge.
 *
 * <p>The warm-up is longer than the other benchmarks': each trial starts a whole application, and
 * the advised paths (aspects, observation handlers, the OpenTelemetry SDK) took 10-20 one-second
 * iterations to settle on the 2-vCPU machine of RESULTS.md.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BootActuatorBenchmark {

  /** Baseline: the unadvised bean. */
  @Benchmark
  public void unadvised(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.unadvised.call());
  }

  /** Backon {@code @Backon("downstream")}. */
  @Benchmark
  public void backon(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.backon.call());
  }

  /** Resilience4j {@code @Retry(name = "downstream")}. */
  @Benchmark
  public void resilience4j(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.resilience4j.call());
  }

  /** Spring Framework 7 {@code @Retryable}. */
  @Benchmark
  public void springCore(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.springCore.call());
  }

  /** Baseline of the reactive path: the unadvised bean's {@code Mono}, blocked on. */
  @Benchmark
  public void unadvisedMono(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.unadvised.mono().block());
  }

  /** Backon {@code @Backon("downstream")} on a method returning a {@code Mono}. */
  @Benchmark
  public void backonMono(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.backon.mono().block());
  }

  /** Resilience4j {@code @Retry(name = "downstream")} on a {@code Mono} (resilience4j-reactor). */
  @Benchmark
  public void resilience4jMono(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.resilience4j.mono().block());
  }

  /** Spring Framework 7 {@code @Retryable} on a {@code Mono}. */
  @Benchmark
  public void springCoreMono(ActuatorApplication app, Blackhole blackhole) {
    blackhole.consume(app.springCore.mono().block());
  }

  /** Baseline of the failure path: the failing call, caught, then the succeeding call. */
  @Benchmark
  public void unadvisedFailureThenSuccess(ActuatorApplication app, Blackhole blackhole)
      throws TransientFailure {
    try {
      blackhole.consume(app.unadvisedFlaky.next());
    } catch (TransientFailure expected) {
      blackhole.consume(expected);
    }
    blackhole.consume(app.unadvisedFlaky.next());
  }

  /** Backon {@code @Backon("flaky")}: one failure, one retry. */
  @Benchmark
  public void backonFailureThenSuccess(ActuatorApplication app, Blackhole blackhole)
      throws TransientFailure {
    blackhole.consume(app.backon.failureThenSuccess());
  }

  /** Resilience4j {@code @Retry(name = "flaky")}: one failure, one retry. */
  @Benchmark
  public void resilience4jFailureThenSuccess(ActuatorApplication app, Blackhole blackhole)
      throws TransientFailure {
    blackhole.consume(app.resilience4j.failureThenSuccess());
  }

  /** Spring Framework 7 {@code @Retryable}: one failure, one retry. */
  @Benchmark
  public void springCoreFailureThenSuccess(ActuatorApplication app, Blackhole blackhole)
      throws TransientFailure {
    blackhole.consume(app.springCore.failureThenSuccess());
  }
}
