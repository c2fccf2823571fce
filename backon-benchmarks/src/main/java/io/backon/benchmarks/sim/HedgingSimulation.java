package io.backon.benchmarks.sim;

import io.backon.Hedging;
import io.backon.hedge.HedgeDelay;
import io.backon.hedge.HedgingPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Hedging against a long-tail service: 95 % of calls take about 2 ms (uniform 1.5–2.5 ms), 5 %
 * about 200 ms (uniform 190–210 ms). {@value #REQUESTS} requests arrive one per millisecond; each
 * strategy sees the same primary latencies (one seeded stream for primaries, another for hedges).
 * Compares no hedging, a fixed 10 ms hedge delay and the adaptive p95 delay ({@link
 * HedgeDelay#percentile(double)}), each with at most one hedge, through {@link Hedging#callAsync}.
 *
 * <p>Run: {@code java -cp backon-benchmarks/target/benchmarks.jar
 * io.backon.benchmarks.sim.HedgingSimulation}
 */
public final class HedgingSimulation {

  static final int REQUESTS = 20_000;
  static final long SEED = 42L;
  private static final Duration ARRIVAL_INTERVAL = Duration.ofMillis(1);
  private static final Duration TICK = Duration.ofNanos(50_000);
  private static final Duration DRAIN = Duration.ofSeconds(1);

  private HedgingSimulation() {}

  /** Prints the Markdown table. */
  public static void main(String[] args) {
    System.out.println(
        "| Strategy | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) "
            + "| downstream calls | extra load |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    print("no hedging", null);
    print("fixed delay 10 ms", HedgeDelay.fixed(Duration.ofMillis(10)));
    print("adaptive delay (p95)", HedgeDelay.percentile(95));
    System.out.printf(
        Locale.ROOT,
        "%n%d requests, 1 per ms; latencies exact to %d µs; seed %d.%n",
        REQUESTS,
        TICK.toNanos() / 1000,
        SEED);
  }

  private static void print(String strategy, @Nullable HedgeDelay delay) {
    Result result = run(delay);
    long[] latencies = result.latencies();
    long max = SimulatedTime.percentile(latencies, 100);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %s | %s | %d | %s %% |%n",
        strategy,
        SimulatedTime.millis(SimulatedTime.percentile(latencies, 50)),
        SimulatedTime.millis(SimulatedTime.percentile(latencies, 99)),
        SimulatedTime.millis(SimulatedTime.percentile(latencies, 99.9)),
        SimulatedTime.millis(max),
        result.downstreamCalls(),
        String.format(
            Locale.ROOT, "%.1f", 100.0 * (result.downstreamCalls() - REQUESTS) / REQUESTS));
  }

  /** Latency of every request and the number of downstream calls made. */
  record Result(long[] latencies, long downstreamCalls) {}

  static Result run(@Nullable HedgeDelay delay) {
    SimulatedTime time = new SimulatedTime(TICK);
    LongTailService service = new LongTailService(time);
    HedgingPolicy policy =
        delay == null
            ? null
            : HedgingPolicy.builder()
                .maxHedges(2)
                .hedgeDelay(delay)
                .executor(Runnable::run)
                .scheduler(time.scheduler())
                .clock(time.clock())
                .build();
    long[] latencies = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      int request = i;
      long start = time.now();
      service.nextIsPrimary = true;
      CompletableFuture<String> response =
          policy == null
              ? service.call().toCompletableFuture()
              : Hedging.callAsync(policy, service::call);
      response.whenComplete((value, failure) -> latencies[request] = time.now() - start);
      time.run(ARRIVAL_INTERVAL);
    }
    time.run(DRAIN);
    return new Result(latencies, service.calls);
  }

  /** The downstream: a latency drawn per call, the response completed by the scheduler. */
  private static final class LongTailService {
    private final SimulatedTime time;
    private final Random primaries = new Random(SEED);
    private final Random hedges = new Random(SEED + 1);
    boolean nextIsPrimary;
    long calls;

    LongTailService(SimulatedTime time) {
      this.time = time;
    }

    CompletionStage<String> call() {
      calls++;
      Random random = nextIsPrimary ? primaries : hedges;
      nextIsPrimary = false;
      boolean slow = random.nextDouble() < 0.05;
      double millis = slow ? 190 + 20 * random.nextDouble() : 1.5 + random.nextDouble();
      CompletableFuture<String> response = new CompletableFuture<>();
      time.scheduler().schedule(() -> response.complete("ok"), (long) (millis * 1_000_000));
      return response;
    }
  }
}
