package io.backon.benchmarks;

import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.github.resilience4j.retry.Retry;
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
import org.springframework.core.retry.RetryTemplate;
import org.springframework.retry.RetryCallback;

/**
 * Benchmark 1: a call that succeeds on the first attempt, directly (the floor) and through each
 * library's retry executor with the same pre-built 3-attempt policy ({@link PeerRetries}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SyncRetryBenchmark {

  private static final Callable<String> TARGET = Targets::answer;
  private static final CheckedSupplier<String> FAILSAFE_TARGET = Targets::answer;
  private static final org.springframework.core.retry.Retryable<String> SPRING_TARGET =
      Targets::answer;
  private static final RetryCallback<String, RuntimeException> SPRING_RETRY_TARGET =
      context -> Targets.answer();

  private final Retrying backon = PeerRetries.backon();

  /** Decorated once, Resilience4j's cheapest idiom (executeCallable would decorate per call). */
  private final Callable<String> resilience4j =
      Retry.decorateCallable(PeerRetries.resilience4j(), TARGET);

  private final FailsafeExecutor<String> failsafe = PeerRetries.failsafe();
  private final RetryTemplate springCore = PeerRetries.springCore();
  private final org.springframework.retry.support.RetryTemplate springRetry =
      PeerRetries.springRetry();

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon {@code Retrying.call}. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /** Resilience4j {@code Retry}, through a callable decorated once. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code FailsafeExecutor.get}. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.get(FAILSAFE_TARGET));
  }

  /** Spring Framework 7 {@code RetryTemplate.execute}. */
  @Benchmark
  public void springCore(Blackhole blackhole) throws Exception {
    blackhole.consume(springCore.execute(SPRING_TARGET));
  }

  /** Spring Retry 2.0 {@code RetryTemplate.execute}. */
  @Benchmark
  public void springRetry(Blackhole blackhole) {
    blackhole.consume(springRetry.execute(SPRING_RETRY_TARGET));
  }
}
