package io.backon.benchmarks.boot;

import io.backon.benchmarks.Targets;
import io.backon.benchmarks.Targets.TransientFailure;
import java.io.IOException;
import org.springframework.resilience.annotation.Retryable;
import reactor.core.publisher.Mono;

/**
 * Spring Framework 7's {@code @Retryable} ({@code @EnableResilientMethods}), configured in the
 * annotation as Spring users do; {@code maxRetries} counts retries, so 2 means 3 attempts.
 */
public class BootRetryableService {

  private final FlakyTarget flaky = new FlakyTarget();

  /**
   * The target's value under the realistic policy: {@link IOException} only, 100 ms doubling up to
   * 5 s, with Spring's widest jitter ({@code ±100 ms}), as {@code RealisticPolicies.springCore}.
   */
  @Retryable(
      includes = IOException.class,
      maxRetries = 2,
      delay = 100,
      multiplier = 2,
      maxDelay = 5000,
      jitter = 100)
  public String call() {
    return Targets.answer();
  }

  /** The target's value in a {@code Mono}, under the same realistic policy as {@link #call()}. */
  @Retryable(
      includes = IOException.class,
      maxRetries = 2,
      delay = 100,
      multiplier = 2,
      maxDelay = 5000,
      jitter = 100)
  public Mono<String> mono() {
    return Mono.just(Targets.answer());
  }

  /** A failure, then a success on the retry, with no delay. */
  @Retryable(includes = TransientFailure.class, maxRetries = 2, delay = 0)
  public String failureThenSuccess() throws TransientFailure {
    return flaky.next();
  }
}
