package io.backon.benchmarks;

import io.backon.Retrying;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * A hedged call through the realistic retry policy of {@link RealisticPolicies} with hedging added:
 * at most {@value #MAX_HEDGES} copies in flight, the primary included, the second due {@value
 * #HEDGE_DELAY_MS} ms after the first. The primary wins before that, so the hedge never launches.
 * The async face calls the primary's supplier on the calling thread (its stage is already complete,
 * so no hedge timer is armed); the blocking face runs the primary on the hedging executor and waits
 * (a thread hand-off: virtual threads on JDK 21+, a cached pool on 17; the timer is armed, then
 * cancelled). None of the peers' artifacts compared here hedges, so this is Backon against the
 * direct call; {@link RealisticPolicyBenchmark} has the same policy without hedging.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class HedgingRealisticBenchmark {

  /** Copies in flight at most, the primary included. */
  static final int MAX_HEDGES = 2;

  /** The delay before the hedge would launch. */
  static final int HEDGE_DELAY_MS = 10;

  private static final Callable<String> TARGET = Targets::answer;
  private static final Supplier<CompletionStage<String>> ASYNC_TARGET = Targets::answerAsync;

  /** What the retry listener counts; stays at zero here, as no call retries. */
  private final LongAdder retries = new LongAdder();

  private final Retrying backon =
      Retrying.of(
          RealisticPolicies.backon(retries)
              .hedging(
                  HedgingPolicy.builder()
                      .maxHedges(MAX_HEDGES)
                      .hedgeDelay(Duration.ofMillis(HEDGE_DELAY_MS))
                      .build())
              .build());

  /** Baseline: the target called directly. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    blackhole.consume(TARGET.call());
  }

  /** Backon {@code Retrying.call}, hedged: the primary returns on the executor before the hedge. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(TARGET));
  }

  /** Async baseline: the target's already completed stage, joined. */
  @Benchmark
  public void directAsync(Blackhole blackhole) {
    blackhole.consume(ASYNC_TARGET.get().toCompletableFuture().join());
  }

  /** Backon {@code Retrying.callAsync}, hedged, of an already completed primary stage, joined. */
  @Benchmark
  public void backonAsync(Blackhole blackhole) {
    blackhole.consume(backon.callAsync(ASYNC_TARGET).join());
  }
}
