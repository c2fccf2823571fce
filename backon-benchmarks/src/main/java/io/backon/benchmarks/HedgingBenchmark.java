package io.backon.benchmarks;

import io.backon.Hedging;
import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Benchmark 6: a hedged call whose primary copy wins at once (the hedge, due after {@value
 * #HEDGE_DELAY_MS} ms, is never launched). None of the peers' artifacts compared here has a hedging
 * executor, so this is Backon against the direct call. The blocking face runs every copy on the
 * hedging executor (a thread hand-off: virtual threads on JDK 21+, a cached pool on 17); the async
 * face calls the primary's supplier on the calling thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class HedgingBenchmark {

  static final int HEDGE_DELAY_MS = 10;

  private static final Callable<String> TARGET = Targets::answer;
  private static final Supplier<CompletionStage<String>> ASYNC_TARGET = Targets::answerAsync;

  private final HedgingPolicy hedging =
      HedgingPolicy.builder().maxHedges(2).hedgeDelay(Duration.ofMillis(HEDGE_DELAY_MS)).build();
  private final Retrying retryingHedged =
      Retrying.of(PeerRetries.backonPolicy().hedging(hedging).build());

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** {@code Hedging.call}: the primary copy runs on the hedging executor, the caller waits. */
  @Benchmark
  public void backonBlocking(Blackhole blackhole) throws Exception {
    blackhole.consume(Hedging.call(hedging, TARGET));
  }

  /** {@code Hedging.callAsync} with an already completed primary stage. */
  @Benchmark
  public void backonAsync(Blackhole blackhole) {
    blackhole.consume(Hedging.callAsync(hedging, ASYNC_TARGET).join());
  }

  /** A {@code Retrying} whose policy hedges each attempt (the full layered engine). */
  @Benchmark
  public void backonRetryingHedged(Blackhole blackhole) throws Exception {
    blackhole.consume(retryingHedged.call(TARGET));
  }
}
