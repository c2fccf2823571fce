package io.backon.benchmarks;

import io.backon.Retrying;
import io.backon.benchmarks.Targets.TransientFailure;
import io.backon.spring.boot.autoconfigure.actuate.BackonEventHistory;
import java.time.Clock;
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

/**
 * What the Actuator's event history ({@code /actuator/backon/events}) costs a call: the same {@link
 * PeerRetries} policy with and without {@link BackonEventHistory#decorate}, on the failure path
 * (one failed attempt, an immediate retry, a success: one retry event recorded) and on the success
 * path (nothing recorded). The history keeps its default 100 events per policy, so the ring is full
 * and overwritten after the first iterations, as in a long outage.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class EventHistoryBenchmark {

  /** Whether the next call fails; flips on every call. */
  private boolean failNext = true;

  private final Callable<String> flaky = this::flaky;
  private final Callable<String> healthy = Targets::answer;

  private final Retrying withoutHistory = PeerRetries.backon();
  private final Retrying withHistory =
      Retrying.of(
          new BackonEventHistory(BackonEventHistory.DEFAULT_CAPACITY, Clock.systemUTC())
              .decorate(PeerRetries.backonPolicy().build()));

  private String flaky() throws TransientFailure {
    if (failNext) {
      failNext = false;
      throw Targets.FAILURE;
    }
    failNext = true;
    return Targets.answer();
  }

  /** A failure then a success, no history. */
  @Benchmark
  public void failureThenSuccess(Blackhole blackhole) throws Exception {
    blackhole.consume(withoutHistory.call(flaky));
  }

  /** A failure then a success, one retry event recorded. */
  @Benchmark
  public void failureThenSuccessWithHistory(Blackhole blackhole) throws Exception {
    blackhole.consume(withHistory.call(flaky));
  }

  /** A success at the first attempt, no history. */
  @Benchmark
  public void success(Blackhole blackhole) throws Exception {
    blackhole.consume(withoutHistory.call(healthy));
  }

  /** A success at the first attempt with the history: nothing recorded, nothing allocated. */
  @Benchmark
  public void successWithHistory(Blackhole blackhole) throws Exception {
    blackhole.consume(withHistory.call(healthy));
  }
}
