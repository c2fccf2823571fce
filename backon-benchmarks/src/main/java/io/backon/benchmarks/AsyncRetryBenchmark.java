package io.backon.benchmarks;

import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.Retrying;
import io.github.resilience4j.retry.Retry;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

/**
 * Benchmark 4: an asynchronous call whose stage is already complete and successful, through each
 * library's async retry with the policy of {@link PeerRetries}. Every variant waits for the
 * returned future ({@code join}, immediate here) and consumes its value. Spring's retry templates
 * have no async face and are not in this benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AsyncRetryBenchmark {

  private static final Supplier<CompletionStage<String>> TARGET = Targets::answerAsync;
  private static final CheckedSupplier<CompletionStage<String>> FAILSAFE_TARGET =
      Targets::answerAsync;

  /** Resilience4j needs a scheduler for its waits; unused on this path. */
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  private final Retrying backon = PeerRetries.backon();
  private final Supplier<CompletionStage<String>> resilience4j =
      Retry.decorateCompletionStage(PeerRetries.resilience4j(), scheduler, TARGET);
  private final FailsafeExecutor<String> failsafe = PeerRetries.failsafe();

  /** Stops the scheduler thread. */
  @TearDown(Level.Trial)
  public void stopScheduler() {
    scheduler.shutdownNow();
  }

  /** Baseline: the target's stage, joined. */
  @Benchmark
  public void direct(Blackhole blackhole) {
    blackhole.consume(TARGET.get().toCompletableFuture().join());
  }

  /** Backon {@code Retrying.callAsync}. */
  @Benchmark
  public void backon(Blackhole blackhole) {
    blackhole.consume(backon.callAsync(TARGET).join());
  }

  /** Resilience4j {@code Retry.decorateCompletionStage}, decorated once. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) {
    blackhole.consume(resilience4j.get().toCompletableFuture().join());
  }

  /** Failsafe {@code getStageAsync}. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.getStageAsync(FAILSAFE_TARGET).join());
  }
}
