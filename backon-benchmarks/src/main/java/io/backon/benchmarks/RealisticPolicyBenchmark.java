package io.backon.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.retry.RetryCallback;

/**
 * A call that succeeds on the first attempt through the policy a service would really configure
 * ({@link RealisticPolicies}: exponential wait with jitter, retry on {@code IOException} only, one
 * retry listener) rather than the bare policy of {@link SyncRetryBenchmark}. The gap between the
 * two shows what a realistic configuration costs when nothing fails. The {@code ...Async} methods
 * do the same with an already completed stage, joined; Spring's templates have no async face.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RealisticPolicyBenchmark {

  private static final Callable<String> TARGET = Targets::answer;
  private static final Supplier<CompletionStage<String>> ASYNC_TARGET = Targets::answerAsync;
  private static final CheckedSupplier<String> FAILSAFE_TARGET = Targets::answer;
  private static final CheckedSupplier<CompletionStage<String>> FAILSAFE_ASYNC_TARGET =
      Targets::answerAsync;
  private static final org.springframework.core.retry.Retryable<String> SPRING_TARGET =
      Targets::answer;
  private static final RetryCallback<String, RuntimeException> SPRING_RETRY_TARGET =
      context -> Targets.answer();

  /** Resilience4j needs a scheduler for its async waits; unused on this path. */
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  /** What every listener counts; stays at zero here, as no call retries. */
  private final LongAdder retries = new LongAdder();

  private final Retrying backon = Retrying.of(RealisticPolicies.backon(retries).build());

  /** The same policy with no listener at all, to show what registering one costs. */
  private final Retrying backonWithoutListener =
      Retrying.of(RealisticPolicies.backonWithoutListener().build());

  private final Retry resilience4jRetry = RealisticPolicies.resilience4j(retries);

  /** Decorated once, Resilience4j's cheapest idiom (executeCallable would decorate per call). */
  private final Callable<String> resilience4j = Retry.decorateCallable(resilience4jRetry, TARGET);

  private final Supplier<CompletionStage<String>> resilience4jAsync =
      Retry.decorateCompletionStage(resilience4jRetry, scheduler, ASYNC_TARGET);
  private final FailsafeExecutor<String> failsafe =
      Failsafe.with(RealisticPolicies.<String>failsafe(retries));
  private final RetryTemplate springCore = RealisticPolicies.springCore(retries);
  private final org.springframework.retry.support.RetryTemplate springRetry =
      RealisticPolicies.springRetry(retries);

  /** Stops the scheduler thread. */
  @TearDown(Level.Trial)
  public void stopScheduler() {
    scheduler.shutdownNow();
  }

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon {@code Retrying.call} with the realistic policy, first attempt succeeding. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /**
   * Backon {@code Retrying.call} with the realistic policy minus its {@code onBackoff} listener.
   */
  @Benchmark
  public void backonWithoutListener(Blackhole blackhole) throws Exception {
    blackhole.consume(backonWithoutListener.call(TARGET));
  }

  /** Resilience4j {@code Retry} with the realistic config, through a callable decorated once. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code FailsafeExecutor.get} with the realistic retry policy. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.get(FAILSAFE_TARGET));
  }

  /** Spring Framework 7 {@code RetryTemplate.execute} with the realistic retry policy. */
  @Benchmark
  public void springCore(Blackhole blackhole) throws Exception {
    blackhole.consume(springCore.execute(SPRING_TARGET));
  }

  /** Spring Retry 2.0 {@code RetryTemplate.execute} with the realistic back-off and policy. */
  @Benchmark
  public void springRetry(Blackhole blackhole) {
    blackhole.consume(springRetry.execute(SPRING_RETRY_TARGET));
  }

  /** Async baseline: the target's already completed stage, joined. */
  @Benchmark
  public void directAsync(Blackhole blackhole) {
    blackhole.consume(ASYNC_TARGET.get().toCompletableFuture().join());
  }

  /** Backon {@code Retrying.callAsync} of an already completed stage, joined. */
  @Benchmark
  public void backonAsync(Blackhole blackhole) {
    blackhole.consume(backon.callAsync(ASYNC_TARGET).join());
  }

  /** Resilience4j {@code Retry.decorateCompletionStage} (decorated once), joined. */
  @Benchmark
  public void resilience4jAsync(Blackhole blackhole) {
    blackhole.consume(resilience4jAsync.get().toCompletableFuture().join());
  }

  /** Failsafe {@code getStageAsync} of an already completed stage, joined. */
  @Benchmark
  public void failsafeAsync(Blackhole blackhole) {
    blackhole.consume(failsafe.getStageAsync(FAILSAFE_ASYNC_TARGET).join());
  }
}
