package io.backon.benchmarks;

import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.backon.benchmarks.Targets.TransientFailure;
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
 * Benchmark 2: the failure path. The target fails on every other call with a pre-built stackless
 * exception, so each operation is one failed attempt, an immediate retry (zero wait) and a success.
 * The direct baseline makes the same two calls and catches the failure itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class FailureThenSuccessBenchmark {

  /** Whether the next call fails; flips on every call. */
  private boolean failNext = true;

  private final Callable<String> target = this::flaky;
  private final CheckedSupplier<String> failsafeTarget = this::flaky;
  private final org.springframework.core.retry.Retryable<String> springTarget = this::flaky;
  private final RetryCallback<String, TransientFailure> springRetryTarget = context -> flaky();

  private final Retrying backon = PeerRetries.backon();

  /** Decorated once, Resilience4j's cheapest idiom (executeCallable would decorate per call). */
  private final Callable<String> resilience4j =
      Retry.decorateCallable(PeerRetries.resilience4j(), target);

  private final FailsafeExecutor<String> failsafe = PeerRetries.failsafe();
  private final RetryTemplate springCore = PeerRetries.springCore();
  private final org.springframework.retry.support.RetryTemplate springRetry =
      PeerRetries.springRetry();

  private String flaky() throws TransientFailure {
    if (failNext) {
      failNext = false;
      throw Targets.FAILURE;
    }
    failNext = true;
    return Targets.answer();
  }

  /** Baseline: the failing call, caught, then the succeeding call. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    try {
      blackhole.consume(target.call());
    } catch (TransientFailure expected) {
      blackhole.consume(expected);
    }
    blackhole.consume(target.call());
  }

  /** Backon {@code Retrying.call}. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(target));
  }

  /** Resilience4j {@code Retry}, through a callable decorated once. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code FailsafeExecutor.get}. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.get(failsafeTarget));
  }

  /** Spring Framework 7 {@code RetryTemplate.execute}. */
  @Benchmark
  public void springCore(Blackhole blackhole) throws Exception {
    blackhole.consume(springCore.execute(springTarget));
  }

  /** Spring Retry 2.0 {@code RetryTemplate.execute}. */
  @Benchmark
  public void springRetry(Blackhole blackhole) throws Exception {
    blackhole.consume(springRetry.execute(springRetryTarget));
  }
}
