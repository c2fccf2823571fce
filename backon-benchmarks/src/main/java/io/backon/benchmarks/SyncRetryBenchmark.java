package io.backon.benchmarks;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Overhead of a successful call through {@link Retrying} compared with calling the target directly.
 *
 * <p>Run: {@code java -jar backon-benchmarks/target/benchmarks.jar SyncRetryBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SyncRetryBenchmark {

  /** Non-capturing, allocation-free target: the benchmark measures Backon, not the target. */
  private static final Callable<String> TARGET = SyncRetryBenchmark::answer;

  /** Built once per trial, outside the measured code. */
  private final Retrying retrying = Retrying.of(RetryPolicy.builder().maxTries(3).build());

  private static String answer() {
    return "ok";
  }

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** The same target through a pre-built {@link Retrying}; succeeds on the first attempt. */
  @Benchmark
  public void backonSuccess(Blackhole blackhole) throws Exception {
    blackhole.consume(retrying.call(TARGET));
  }
}
