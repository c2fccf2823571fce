package io.backon.benchmarks.boot;

import io.backon.benchmarks.Targets;
import io.backon.benchmarks.Targets.TransientFailure;
import io.github.resilience4j.retry.annotation.Retry;
import reactor.core.publisher.Mono;

/**
 * Resilience4j's {@code @Retry}, applied by the {@code RetryAspect} of its Boot 4 starter, under
 * instances from {@code resilience4j.retry.instances} in the application's YAML.
 */
public class BootResilience4jService {

  private final FlakyTarget flaky = new FlakyTarget();

  /** The target's value under the realistic instance {@code downstream}. */
  @Retry(name = "downstream")
  public String call() {
    return Targets.answer();
  }

  /** The target's value in a {@code Mono}, under the realistic instance {@code downstream}. */
  @Retry(name = "downstream")
  public Mono<String> mono() {
    return Mono.just(Targets.answer());
  }

  /** A failure, then a success on the retry, under the zero-wait instance {@code flaky}. */
  @Retry(name = "flaky")
  public String failureThenSuccess() throws TransientFailure {
    return flaky.next();
  }
}
