package io.backon.benchmarks.spring;

import io.backon.benchmarks.PeerRetries;
import io.backon.benchmarks.Targets;
import org.springframework.resilience.annotation.Retryable;

/** Spring Framework 7's {@code @Retryable} ({@code @EnableResilientMethods}). */
public class SpringRetryableService {

  /** Returns the target's value; {@code maxRetries} counts retries, so 3 attempts in total. */
  @Retryable(maxRetries = PeerRetries.MAX_ATTEMPTS - 1, delay = 0)
  public String call() {
    return Targets.answer();
  }
}
