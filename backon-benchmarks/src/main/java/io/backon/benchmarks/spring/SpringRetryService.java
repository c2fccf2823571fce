package io.backon.benchmarks.spring;

import io.backon.benchmarks.PeerRetries;
import io.backon.benchmarks.Targets;
import org.springframework.retry.annotation.Backoff;
import org.springframework.retry.annotation.Retryable;

/** Spring Retry 2.0's {@code @Retryable} ({@code @EnableRetry}). */
public class SpringRetryService {

  /** Returns the target's value; 3 attempts, no back-off. */
  @Retryable(maxAttempts = PeerRetries.MAX_ATTEMPTS, backoff = @Backoff(delay = 0))
  public String call() {
    return Targets.answer();
  }
}
