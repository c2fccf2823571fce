package io.backon.reactor;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.time.Duration;

/** Retry policies the Reactor tests start from: no jitter, so every wait is exact. */
final class ReactorPolicies {

  private ReactorPolicies() {}

  /** Retries at once. */
  static RetryPolicyBuilder noWait() {
    return RetryPolicy.builder().wait(Wait.none()).jitter(Jitter.none());
  }

  /** Waits 1 s before each retry. */
  static RetryPolicyBuilder everySecond() {
    return RetryPolicy.builder().wait(Wait.constant(Duration.ofSeconds(1))).jitter(Jitter.none());
  }
}
