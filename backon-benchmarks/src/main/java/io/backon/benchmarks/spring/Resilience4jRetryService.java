package io.backon.benchmarks.spring;

import io.backon.benchmarks.Targets;
import io.github.resilience4j.retry.annotation.Retry;

/** Resilience4j's {@code @Retry}, applied by its Spring 6 {@code RetryAspect}. */
public class Resilience4jRetryService {

  /** Returns the target's value under the "peer" retry (3 attempts, no wait). */
  @Retry(name = AnnotatedBeansConfiguration.RETRY_NAME)
  public String call() {
    return Targets.answer();
  }
}
