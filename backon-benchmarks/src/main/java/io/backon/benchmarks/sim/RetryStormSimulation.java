package io.backon.benchmarks.sim;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.budget.RetryBudget;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A retry storm: clients send {@value #RATE_PER_SECOND} requests per second for {@value
 * #DURATION_SECONDS} s to a downstream that answers in 10 ms but fails every call during a full
 * outage from second {@value #OUTAGE_START} to second {@value #OUTAGE_END}. Every client retries
 * with the same policy (4 attempts, exponential back-off from 100 ms with full jitter, seeded),
 * once with plain retries and once sharing one {@link RetryBudget} (defaults: 10 tokens, ratio
 * 0.1), through {@link Retrying#callAsync}. Counts downstream calls per second; the amplification
 * is downstream calls divided by client requests.
 *
 * <p>Run: {@code java -cp backon-benchmarks/target/benchmarks.jar
 * io.backon.benchmarks.sim.RetryStormSimulation}
 */
public final class RetryStormSimulation {

  static final int RATE_PER_SECOND = 100;
  static final int DURATION_SECONDS = 60;
  static final int OUTAGE_START = 20;
  static final int OUTAGE_END = 30;
  static final long SEED = 7L;
  private static final int MAX_TRIES = 4;
  private static final Duration SERVICE_TIME = Duration.ofMillis(10);
  private static final Duration TICK = Duration.ofMillis(1);
  private static final long SECOND = 1_000_000_000L;

  private RetryStormSimulation() {}

  /** Prints the per-second and summary Markdown tables. */
  public static void main(String[] args) {
    Result plain = run(false);
    Result budgeted = run(true);
    System.out.println(
        "| Second | Client requests | Downstream calls, plain retries "
            + "| Downstream calls, retry budget |");
    System.out.println("|---:|---:|---:|---:|");
    for (int s = OUTAGE_START - 2; s < OUTAGE_END + 4; s++) {
      System.out.printf(
          Locale.ROOT,
          "| %d%s | %d | %d | %d |%n",
          s,
          s >= OUTAGE_START && s < OUTAGE_END ? " (outage)" : "",
          plain.requests[s],
          plain.calls[s],
          budgeted.calls[s]);
    }
    System.out.println();
    System.out.println(
        "| Phase | Plain retries: calls/s | amplification "
            + "| Retry budget: calls/s | amplification |");
    System.out.println("|---|---:|---:|---:|---:|");
    summarise("before the outage", 0, OUTAGE_START, plain, budgeted);
    summarise("during the outage", OUTAGE_START, OUTAGE_END, plain, budgeted);
    summarise("first 5 s after", OUTAGE_END, OUTAGE_END + 5, plain, budgeted);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Client calls that failed: plain %d, budget %d (of %d); " + "seed %d.%n",
        plain.failedCalls,
        budgeted.failedCalls,
        RATE_PER_SECOND * DURATION_SECONDS,
        SEED);
  }

  private static void summarise(String phase, int from, int to, Result plain, Result budgeted) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s× | %s | %s× |%n",
        phase,
        SimulatedTime.ratio(plain.callsPerSecond(from, to)),
        SimulatedTime.ratio(plain.amplification(from, to)),
        SimulatedTime.ratio(budgeted.callsPerSecond(from, to)),
        SimulatedTime.ratio(budgeted.amplification(from, to)));
  }

  /** Per-second counts of one run. */
  static final class Result {
    final long[] requests = new long[DURATION_SECONDS + 2];
    final long[] calls = new long[DURATION_SECONDS + 2];
    long failedCalls;

    double callsPerSecond(int from, int to) {
      return sum(calls, from, to) / (double) (to - from);
    }

    double amplification(int from, int to) {
      return sum(calls, from, to) / (double) sum(requests, from, to);
    }

    private static long sum(long[] counts, int from, int to) {
      long total = 0;
      for (int s = from; s < to; s++) {
        total += counts[s];
      }
      return total;
    }
  }

  static Result run(boolean withBudget) {
    SimulatedTime time = new SimulatedTime(TICK);
    Result result = new Result();
    RetryPolicyBuilder policy =
        RetryPolicy.builder()
            .name(withBudget ? "budgeted" : "plain")
            .maxTries(MAX_TRIES)
            .wait(Wait.expo(Duration.ofMillis(100), Duration.ofSeconds(2)))
            .jitter(Jitter.full())
            .random(new Random(SEED))
            .clock(time.clock())
            .scheduler(time.scheduler())
            .executor(Runnable::run)
            .backoffLogLevel(System.Logger.Level.OFF)
            .giveUpLogLevel(System.Logger.Level.OFF);
    if (withBudget) {
      policy.retryBudget(RetryBudget.builder().name("downstream").build());
    }
    Retrying retrying = Retrying.of(policy.build());
    long interval = SECOND / RATE_PER_SECOND;
    long end = DURATION_SECONDS * SECOND;
    while (time.now() < end) {
      result.requests[(int) (time.now() / SECOND)]++;
      retrying
          .callAsync(() -> downstream(time, result))
          .whenComplete(
              (value, failure) -> {
                if (failure != null) {
                  result.failedCalls++;
                }
              });
      time.run(Duration.ofNanos(interval));
    }
    time.run(Duration.ofSeconds(1));
    return result;
  }

  private static CompletionStage<String> downstream(SimulatedTime time, Result result) {
    long now = time.now();
    result.calls[(int) (now / SECOND)]++;
    boolean down = now >= OUTAGE_START * SECOND && now < OUTAGE_END * SECOND;
    CompletableFuture<String> response = new CompletableFuture<>();
    time.scheduler()
        .schedule(
            () -> {
              if (down) {
                response.completeExceptionally(Unavailable.INSTANCE);
              } else {
                response.complete("ok");
              }
            },
            SERVICE_TIME.toNanos());
    return response;
  }

  /** The downstream's answer during the outage (stackless: it is thrown thousands of times). */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;
    static final Unavailable INSTANCE = new Unavailable();

    private Unavailable() {
      super("503 Service Unavailable", null, false, false);
    }
  }
}
