package io.backon.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.benchmarks.Targets.TransientFailure;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.impl.NoOpLog;
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
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.backoff.NoBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;

/**
 * A call whose first attempt fails with the pre-built {@link Targets#FAILURE} and whose retry
 * succeeds, with no wait, like {@link FailureThenSuccessBenchmark}, but through a policy shaped as
 * a service would shape it: retry on the failure's type only and one listener called before the
 * retry (counting it), with the retry's log line off. Backon's lines are turned off with {@code
 * backoffLogLevel(OFF)} and {@code giveUpLogLevel(OFF)}; Spring Retry's template gets a no-op
 * logger; Resilience4j (no SLF4J binding in the jar), Failsafe (no logging) and Spring core (DEBUG,
 * off) log nothing here anyway. {@code backonDefaultLogging} keeps Backon's default levels, so the
 * retry writes its INFO line (formatted, then discarded: {@link DiscardedConsoleLog}) and the cost
 * of default logging shows next to {@code backon}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 2,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class FailureThenSuccessRealisticBenchmark {

  /** Whether the next call fails; flips on every call. */
  private boolean failNext = true;

  /** What every listener counts: one retry per operation. */
  private final LongAdder retries = new LongAdder();

  private final Callable<String> target = this::flaky;
  private final CheckedSupplier<String> failsafeTarget = this::flaky;
  private final Retryable<String> springTarget = this::flaky;
  private final RetryCallback<String, TransientFailure> springRetryTarget = context -> flaky();

  private final Retrying backon =
      Retrying.of(
          backonPolicy()
              .backoffLogLevel(System.Logger.Level.OFF)
              .giveUpLogLevel(System.Logger.Level.OFF)
              .build());
  private final Retrying backonDefaultLogging = Retrying.of(backonPolicy().build());

  /** Decorated once, Resilience4j's cheapest idiom (executeCallable would decorate per call). */
  private final Callable<String> resilience4j = Retry.decorateCallable(resilience4jRetry(), target);

  private final FailsafeExecutor<String> failsafe =
      Failsafe.with(
          dev.failsafe.RetryPolicy.<String>builder()
              .withMaxAttempts(PeerRetries.MAX_ATTEMPTS)
              .handle(TransientFailure.class)
              .onRetry(event -> retries.increment())
              .build());
  private final RetryTemplate springCore = springCoreTemplate();
  private final org.springframework.retry.support.RetryTemplate springRetry = springRetryTemplate();

  private String flaky() throws TransientFailure {
    if (failNext) {
      failNext = false;
      throw Targets.FAILURE;
    }
    failNext = true;
    return Targets.answer();
  }

  private RetryPolicyBuilder backonPolicy() {
    return RetryPolicy.builder()
        .name("realistic")
        .maxTries(PeerRetries.MAX_ATTEMPTS)
        .wait(Wait.none())
        .jitter(Jitter.none())
        .retryOn(TransientFailure.class)
        .onBackoff(event -> retries.increment());
  }

  private Retry resilience4jRetry() {
    Retry retry =
        Retry.of(
            "realistic",
            RetryConfig.custom()
                .maxAttempts(PeerRetries.MAX_ATTEMPTS)
                .intervalFunction(attempt -> 0L)
                .retryExceptions(TransientFailure.class)
                .build());
    retry.getEventPublisher().onRetry(event -> retries.increment());
    return retry;
  }

  private RetryTemplate springCoreTemplate() {
    RetryTemplate template =
        new RetryTemplate(
            org.springframework.core.retry.RetryPolicy.builder()
                .maxRetries(PeerRetries.MAX_ATTEMPTS - 1)
                .delay(Duration.ZERO)
                .includes(TransientFailure.class)
                .build());
    template.setRetryListener(
        new org.springframework.core.retry.RetryListener() {
          @Override
          public void beforeRetry(
              org.springframework.core.retry.RetryPolicy policy, Retryable<?> retryable) {
            retries.increment();
          }
        });
    return template;
  }

  private org.springframework.retry.support.RetryTemplate springRetryTemplate() {
    org.springframework.retry.support.RetryTemplate template =
        new org.springframework.retry.support.RetryTemplate();
    template.setBackOffPolicy(new NoBackOffPolicy());
    template.setRetryPolicy(
        new SimpleRetryPolicy(
            PeerRetries.MAX_ATTEMPTS,
            Map.<Class<? extends Throwable>, Boolean>of(TransientFailure.class, true)));
    template.registerListener(RealisticPolicies.countingSpringRetryListener(retries));
    template.setLogger(new NoOpLog());
    return template;
  }

  /** Baseline: the failing call, caught, then the succeeding call. */
  @Benchmark
  public void direct(Blackhole blackhole) throws Exception {
    try {
      blackhole.consume(target.call());
    } catch (TransientFailure expected) {
      blackhole.consume(expected);
    }
    blackhole.consume(target.call());
  }

  /** Backon {@code Retrying.call}: one failure, one listened retry, log lines off. */
  @Benchmark
  public void backon(Blackhole blackhole) throws Exception {
    blackhole.consume(backon.call(target));
  }

  /** Backon {@code Retrying.call} as {@code backon}, with the default log levels (INFO line). */
  @Benchmark
  public void backonDefaultLogging(DiscardedConsoleLog log, Blackhole blackhole) throws Exception {
    blackhole.consume(backonDefaultLogging.call(target));
  }

  /** Resilience4j {@code Retry} with an {@code onRetry} consumer, through a decorated callable. */
  @Benchmark
  public void resilience4j(Blackhole blackhole) throws Exception {
    blackhole.consume(resilience4j.call());
  }

  /** Failsafe {@code FailsafeExecutor.get} with an {@code onRetry} listener. */
  @Benchmark
  public void failsafe(Blackhole blackhole) {
    blackhole.consume(failsafe.get(failsafeTarget));
  }

  /** Spring Framework 7 {@code RetryTemplate.execute} with a {@code beforeRetry} listener. */
  @Benchmark
  public void springCore(Blackhole blackhole) throws Exception {
    blackhole.consume(springCore.execute(springTarget));
  }

  /** Spring Retry 2.0 {@code RetryTemplate.execute} with an {@code onError} listener. */
  @Benchmark
  public void springRetry(Blackhole blackhole) throws Exception {
    blackhole.consume(springRetry.execute(springRetryTarget));
  }
}
