package io.backon.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * A successful call through the stack a service would really run: the retry of {@link
 * RealisticPolicies} around a closed circuit breaker (a count-based window of the last {@value
 * #WINDOW} calls, opening at a {@value #FAILURE_RATE_PERCENT} % failure rate), plus, in Backon, a
 * retry budget shared by the policy's calls (default size). Neither peer has a retry budget, so
 * {@code backonWithoutBudget} is the like-for-like comparison and {@code backon} shows what the
 * budget adds. Spring's templates have no count-window breaker and are not in this benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RetryBreakerBudgetBenchmark {

  /** Calls in each breaker's sliding window. */
  static final int WINDOW = 100;

  /** The failure rate, in percent of the window, that opens each breaker. */
  static final int FAILURE_RATE_PERCENT = 50;

  private static final Callable<String> TARGET = Targets::answer;
  private static final CheckedSupplier<String> FAILSAFE_TARGET = Targets::answer;

  /** What every retry listener counts; stays at zero here, as no call retries. */
  private final LongAdder retries = new LongAdder();

  private final Retrying backon =
      Retrying.of(
          RealisticPolicies.backon(retries)
              .circuitBreaker(backonBreaker())
              .retryBudget(RetryBudget.builder().name("realistic").build())
              .build());
  private final Retrying backonWithoutBudget =
      Retrying.of(RealisticPolicies.backon(retries).circuitBreaker(backonBreaker()).build());

  /** Retry outside, breaker inside, each decorated once: Resilience4j's usual order. */
  private final Callable<String> resilience4j =
      Retry.decorateCallable(
          RealisticPolicies.resilience4j(retries),
          io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCallable(
              resilience4jBreaker(), TARGET));

  /** Retry outside, breaker inside (Failsafe composes the first policy outermost). */
  private final FailsafeExecutor<String> failsafe =
      Failsafe.with(RealisticPolicies.<String>failsafe(retries), failsafeBreaker());

  private static CircuitBreaker backonBreaker() {
    return CircuitBreaker.builder("realistic")
        .countBasedWindow(WINDOW)
        .failureRateThreshold(FAILURE_RATE_PERCENT)
        .build();
  }

  private static io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jBreaker() {
    return io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
        "realistic",
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

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon {@code Retrying.call}: realistic retry + count-window breaker + retry budget. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /** Backon {@code Retrying.call}: realistic retry + count-window breaker, no budget. */
  @Benchmark
  public void backonWithoutBudget(Blackhole blackhole) throws Exception {
    blackhole.consume(backonWithoutBudget.call(TARGET));
  }

  /** Resilience4j {@code Retry} around a COUNT_BASED {@code CircuitBreaker}, decorated once. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code get} through the realistic retry policy and a count-based breaker. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.get(FAILSAFE_TARGET));
  }
}
