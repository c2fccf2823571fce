package io.backon.benchmarks;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;

/**
 * The policy a service would really configure, in every library: {@value PeerRetries#MAX_ATTEMPTS}
 * attempts in total, an exponential wait from {@link #FIRST_WAIT} doubling up to {@link #MAX_WAIT}
 * with random jitter, retries on {@link IOException} only, and one listener called before each
 * retry that counts it in a {@link LongAdder}. Each library's jitter is its closest to Backon's
 * full jitter ({@code uniform[0, w]}): the widest spread it allows. Built once per benchmark trial,
 * outside the measured code; the waits never elapse on the measured (successful) paths.
 */
public final class RealisticPolicies {

  /** The wait before the first retry. */
  public static final Duration FIRST_WAIT = Duration.ofMillis(100);

  /** The growth of the wait per retry. */
  public static final double MULTIPLIER = 2.0;

  /** The cap on every wait. */
  public static final Duration MAX_WAIT = Duration.ofSeconds(5);

  private static final String NAME = "realistic";

  private RealisticPolicies() {}

  /**
   * Backon: {@code Wait.expo} with {@code Jitter.full()}, {@code retryOn(IOException)} and an
   * {@code onBackoff} listener; log levels at their defaults. A builder, so that benchmarks can add
   * a layer (breaker, budget, hedging).
   */
  public static RetryPolicyBuilder backon(LongAdder retries) {
    return backonWithoutListener().onBackoff(event -> retries.increment());
  }

  /** The Backon policy of {@link #backon} without its listener. */
  public static RetryPolicyBuilder backonWithoutListener() {
    return RetryPolicy.builder()
        .name(NAME)
        .maxTries(PeerRetries.MAX_ATTEMPTS)
        .wait(Wait.expo(FIRST_WAIT, MAX_WAIT))
        .jitter(Jitter.full())
        .retryOn(IOException.class);
  }

  /**
   * Resilience4j: {@code IntervalFunction.ofExponentialRandomBackoff} with randomization factor 1
   * ({@code w * uniform[0, 2]}), {@code retryExceptions(IOException)} and an {@code onRetry}
   * consumer.
   */
  public static Retry resilience4j(LongAdder retries) {
    Retry retry =
        Retry.of(
            NAME,
            RetryConfig.custom()
                .maxAttempts(PeerRetries.MAX_ATTEMPTS)
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        FIRST_WAIT, MULTIPLIER, 1.0, MAX_WAIT))
                .retryExceptions(IOException.class)
                .build());
    retry.getEventPublisher().onRetry(event -> retries.increment());
    return retry;
  }

  /**
   * Failsafe: {@code withBackoff} and {@code withJitter(1.0)} ({@code w * uniform[0, 2]}), {@code
   * handle(IOException)} and an {@code onRetry} listener.
   */
  public static <T> dev.failsafe.RetryPolicy<T> failsafe(LongAdder retries) {
    return dev.failsafe.RetryPolicy.<T>builder()
        .withMaxAttempts(PeerRetries.MAX_ATTEMPTS)
        .withBackoff(FIRST_WAIT, MAX_WAIT, MULTIPLIER)
        .withJitter(1.0)
        .handle(IOException.class)
        .onRetry(event -> retries.increment())
        .build();
  }

  /**
   * Spring Framework 7 core retry: delay, multiplier, max delay, a jitter of {@link #FIRST_WAIT}
   * (Spring's widest: {@code w ± jitter}, never below the first wait), {@code
   * includes(IOException)} and a {@code RetryListener} whose {@code beforeRetry} counts.
   */
  public static RetryTemplate springCore(LongAdder retries) {
    RetryTemplate template =
        new RetryTemplate(
            org.springframework.core.retry.RetryPolicy.builder()
                .maxRetries(PeerRetries.MAX_ATTEMPTS - 1)
                .delay(FIRST_WAIT)
                .multiplier(MULTIPLIER)
                .maxDelay(MAX_WAIT)
                .jitter(FIRST_WAIT)
                .includes(IOException.class)
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

  /**
   * Spring Retry 2.0: {@code ExponentialRandomBackOffPolicy} ({@code w * uniform[1, multiplier]}),
   * a {@code SimpleRetryPolicy} retrying {@link IOException} only, and a {@code RetryListener}
   * whose {@code onError} (after each failed attempt) counts.
   */
  public static org.springframework.retry.support.RetryTemplate springRetry(LongAdder retries) {
    ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
    backOff.setInitialInterval(FIRST_WAIT.toMillis());
    backOff.setMultiplier(MULTIPLIER);
    backOff.setMaxInterval(MAX_WAIT.toMillis());
    org.springframework.retry.support.RetryTemplate template =
        new org.springframework.retry.support.RetryTemplate();
    template.setBackOffPolicy(backOff);
    template.setRetryPolicy(
        new SimpleRetryPolicy(
            PeerRetries.MAX_ATTEMPTS,
            Map.<Class<? extends Throwable>, Boolean>of(IOException.class, true)));
    template.registerListener(countingSpringRetryListener(retries));
    return template;
  }

  /** A Spring Retry listener counting each failed attempt. */
  static org.springframework.retry.RetryListener countingSpringRetryListener(LongAdder retries) {
    return new org.springframework.retry.RetryListener() {
      @Override
      public <T, E extends Throwable> void onError(
          RetryContext context, RetryCallback<T, E> callback, Throwable failure) {
        retries.increment();
      }
    };
  }
}
