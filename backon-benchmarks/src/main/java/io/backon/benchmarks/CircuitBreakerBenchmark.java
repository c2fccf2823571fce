package io.backon.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Benchmark 3: a closed circuit breaker letting successful calls through, on one thread and on two
 * threads sharing the breaker (the contention case on a 2-core machine). Every breaker is set up
 * alike: a count-based window of the last {@value #WINDOW} calls that opens at a 50 % failure rate.
 * The {@code ...Retry} methods add the 3-attempt retry of {@link PeerRetries} around the breaker.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CircuitBreakerBenchmark {

  /** Calls in each breaker's sliding window. */
  static final int WINDOW = 100;

  private static final int FAILURE_RATE_PERCENT = 50;

  private static final Callable<String> TARGET = Targets::answer;
  private static final CheckedSupplier<String> FAILSAFE_TARGET = Targets::answer;

  private final CircuitBreaker backon = backonBreaker();
  private final Callable<String> resilience4j =
      io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCallable(
          resilience4jBreaker(), TARGET);
  private final FailsafeExecutor<String> failsafe = Failsafe.with(failsafeBreaker());

  private final Retrying backonRetry =
      Retrying.of(PeerRetries.backonPolicy().circuitBreaker(backonBreaker()).build());
  private final Callable<String> resilience4jRetry =
      Retry.decorateCallable(
          PeerRetries.resilience4j(),
          io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCallable(
              resilience4jBreaker(), TARGET));
  private final FailsafeExecutor<String> failsafeRetry =
      Failsafe.with(PeerRetries.<String>failsafePolicy(), failsafeBreaker());

  private static CircuitBreaker backonBreaker() {
    return CircuitBreaker.builder("peer")
        .countBasedWindow(WINDOW)
        .failureRateThreshold(FAILURE_RATE_PERCENT)
        .build();
  }

  private static io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jBreaker() {
    return io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
        "peer",
        CircuitBreakerConfig.custom()
            .slidingWindow(WINDOW, WINDOW, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(FAILURE_RATE_PERCENT)
            .build());
  }

  private static dev.failsafe.CircuitBreaker<String> failsafeBreaker() {
    return dev.failsafe.CircuitBreaker.<String>builder()
        .withFailureThreshold(WINDOW * FAILURE_RATE_PERCENT / 100, WINDOW)
        .build();
  }

  /** Baseline on one thread. */
  @Benchmark
  @Threads(1)
  public void direct1Thread(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon {@code CircuitBreaker.call} on one thread. */
  @Benchmark
  @Threads(1)
  public void backon1Thread(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /** Resilience4j, a callable decorated once, on one thread. */
  @Benchmark
  @Threads(1)
  public void resilience4j1Thread(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code get} with a breaker on one thread. */
  @Benchmark
  @Threads(1)
  public void failsafe1Thread(Blackhole blackhole) {
    blackhole.consume(failsafe.get(FAILSAFE_TARGET));
  }

  /** Baseline on two threads. */
  @Benchmark
  @Threads(2)
  public void direct2Threads(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon on two threads sharing the breaker. */
  @Benchmark
  @Threads(2)
  public void backon2Threads(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /** Resilience4j on two threads sharing the breaker. */
  @Benchmark
  @Threads(2)
  public void resilience4j2Threads(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe on two threads sharing the breaker. */
  @Benchmark
  @Threads(2)
  public void failsafe2Threads(Blackhole blackhole) {
    blackhole.consume(failsafe.get(FAILSAFE_TARGET));
  }

  /** Backon retry policy with the breaker as a layer, one thread. */
  @Benchmark
  @Threads(1)
  public void backonRetry1Thread(Blackhole blackhole) throws Exception {
    blackhole.consume(backonRetry.call(TARGET));
  }

  /** Resilience4j retry decorating a breaker-decorated callable, one thread. */
  @Benchmark
  @Threads(1)
  public void resilience4jRetry1Thread(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4jRetry.call());
  }

  /** Failsafe retry policy composed with the breaker, one thread. */
  @Benchmark
  @Threads(1)
  public void failsafeRetry1Thread(Blackhole blackhole) {
    blackhole.consume(failsafeRetry.get(FAILSAFE_TARGET));
  }
}
