package io.backon.benchmarks;

import io.backon.Invocation;
import io.backon.reactor.BackonReactor;
import io.backon.reactor.RetryOperator;
import java.io.IOException;
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
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The realistic policy on a {@code Mono} whose first subscription succeeds (issue 12: "on Reactor
 * nothing beyond what Reactor's own retryWhen allocates for the same subscription"), each variant
 * subscribed with {@code block()} on the same source, which the direct baseline shows costs nothing
 * by itself.
 *
 * <ul>
 *   <li>{@code backon}: one {@code BackonReactor.retry(policy)} operator, reused.
 *   <li>{@code backonPerCall}: an operator and its {@code withInvocation} copy made per call, as
 *       the {@code @Backon} aspect and the WebClient filter make them.
 *   <li>{@code reactorRetryWhen}: Reactor's {@code retryWhen} with the same back-off, jitter,
 *       filter and a {@code doBeforeRetry} counter.
 *   <li>{@code resilience4j}: Resilience4j's {@code RetryOperator} (resilience4j-reactor).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ReactorRetryBenchmark {

  private static final Invocation CALL = Invocation.of("Quotes.get");

  /** What every listener counts; stays at zero here, as no call retries. */
  private final LongAdder retries = new LongAdder();

  private final Mono<String> source = Mono.fromSupplier(Targets::answer);

  private final io.backon.RetryPolicy policy = RealisticPolicies.backon(retries).build();

  private final RetryOperator<String> backon = BackonReactor.retry(policy);

  private final Retry reactor =
      Retry.backoff(PeerRetries.MAX_ATTEMPTS - 1L, RealisticPolicies.FIRST_WAIT)
          .maxBackoff(RealisticPolicies.MAX_WAIT)
          .jitter(1.0)
          .filter(IOException.class::isInstance)
          .doBeforeRetry(signal -> retries.increment());

  private final io.github.resilience4j.reactor.retry.RetryOperator<String> resilience4j =
      io.github.resilience4j.reactor.retry.RetryOperator.of(
          RealisticPolicies.resilience4j(retries));

  /** Baseline: the source, blocked on. */
  @Benchmark
  public void direct(Blackhole blackhole) {
    blackhole.consume(source.block());
  }

  /** Backon, one operator reused. */
  @Benchmark
  public void backon(Blackhole blackhole) {
    blackhole.consume(source.transform(backon).block());
  }

  /** Backon, an operator and its named copy made per call. */
  @Benchmark
  public void backonPerCall(Blackhole blackhole) {
    blackhole.consume(
        source.transform(BackonReactor.<String>retry(policy).withInvocation(CALL)).block());
  }

  /** Reactor's own {@code retryWhen}. */
  @Benchmark
  public void reactorRetryWhen(Blackhole blackhole) {
    blackhole.consume(source.retryWhen(reactor).block());
  }

  /** Resilience4j's {@code RetryOperator}. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) {
    blackhole.consume(source.transformDeferred(resilience4j).block());
  }
}
