package io.backon.benchmarks;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import org.springframework.core.retry.RetryTemplate;

/**
 * The same retry policy in every library: 3 attempts in total, no wait between them, no jitter, no
 * log line per retry. Built once per benchmark trial, outside the measured code.
 */
public final class PeerRetries {

  /** Attempts in total (the first one included) in every library. */
  public static final int MAX_ATTEMPTS = 3;

  private PeerRetries() {}

  /**
   * Backon. Its back-off log line (INFO by default) is lowered to DEBUG, which is off, because the
   * peers log retries at DEBUG.
   */
  public static Retrying backon() {
    return Retrying.of(backonPolicy().build());
  }

  /** The Backon policy builder behind {@link #backon()}, for benchmarks that add a layer. */
  public static io.backon.RetryPolicyBuilder backonPolicy() {
    return RetryPolicy.builder()
        .name("peer")
        .maxTries(MAX_ATTEMPTS)
        .wait(Wait.none())
        .jitter(Jitter.none())
        .backoffLogLevel(System.Logger.Level.DEBUG);
  }

  /** Resilience4j {@code Retry}: retries every exception by default. */
  public static Retry resilience4j() {
    return Retry.of(
        "peer",
        RetryConfig.custom().maxAttempts(MAX_ATTEMPTS).intervalFunction(attempt -> 0L).build());
  }

  /** Failsafe: a {@code RetryPolicy} with no delay; handles every exception by default. */
  public static <T> FailsafeExecutor<T> failsafe() {
    return Failsafe.with(failsafePolicy());
  }

  /** The Failsafe retry policy behind {@link #failsafe()}; its default delay is zero. */
  public static <T> dev.failsafe.RetryPolicy<T> failsafePolicy() {
    return dev.failsafe.RetryPolicy.<T>builder().withMaxAttempts(MAX_ATTEMPTS).build();
  }

  /** Spring Framework 7 core retry: {@code maxRetries} counts retries, not attempts. */
  public static RetryTemplate springCore() {
    return new RetryTemplate(
        org.springframework.core.retry.RetryPolicy.builder()
            .maxRetries(MAX_ATTEMPTS - 1)
            .delay(Duration.ZERO)
            .build());
  }

  /** Spring Retry 2.0: no back-off. */
  public static org.springframework.retry.support.RetryTemplate springRetry() {
    return org.springframework.retry.support.RetryTemplate.builder()
        .maxAttempts(MAX_ATTEMPTS)
        .noBackoff()
        .build();
  }
}
