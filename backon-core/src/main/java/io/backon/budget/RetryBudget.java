package io.backon.budget;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A token bucket shared by the calls of one or more policies, after gRPC's retry throttling: every
 * failed attempt costs one token, every successful one earns {@code tokenRatio} tokens (never above
 * {@code maxTokens}), and retries and hedges are allowed only while more than half of {@code
 * maxTokens} remain. First attempts are never blocked. When a retry is refused the call gives up
 * with reason "budget exhausted" and its last failure.
 *
 * <p>Lock-free and allocation-free; thread-safe. Build one with {@link #builder()}.
 */
public final class RetryBudget {

  /** Tokens in a full bucket. */
  public static final int DEFAULT_MAX_TOKENS = 10;

  /** Tokens earned by each successful attempt. */
  public static final double DEFAULT_TOKEN_RATIO = 0.1;

  private static final long SCALE = 1000L;

  private final String name;
  private final int maxTokens;
  private final double tokenRatio;
  private final long maxMillis;
  private final long thresholdMillis;
  private final long earnMillis;
  private final AtomicLong millis;
  private final LongAdder allowed = new LongAdder();
  private final LongAdder refused = new LongAdder();

  RetryBudget(String name, int maxTokens, double tokenRatio) {
    this.name = name;
    this.maxTokens = maxTokens;
    this.tokenRatio = tokenRatio;
    this.maxMillis = maxTokens * SCALE;
    this.thresholdMillis = maxMillis / 2;
    this.earnMillis = Math.max(1L, Math.round(tokenRatio * SCALE));
    this.millis = new AtomicLong(maxMillis);
  }

  /** A builder with the defaults ({@value #DEFAULT_MAX_TOKENS} tokens, ratio 0.1). */
  public static RetryBudgetBuilder builder() {
    return new RetryBudgetBuilder();
  }

  /** A budget with every setting at its default. */
  public static RetryBudget ofDefaults(String name) {
    return builder().name(name).build();
  }

  /** The budget's name, for logs, metrics and the registry. */
  public String name() {
    return name;
  }

  /**
   * Asks to retry (or hedge) once: allowed while more than half of {@code maxTokens} remain. The
   * answer is counted in the {@link #snapshot()}; it spends nothing (failures do).
   */
  public boolean tryAcquireRetry() {
    if (millis.get() > thresholdMillis) {
      allowed.increment();
      return true;
    }
    refused.increment();
    return false;
  }

  /** A failed attempt: costs one token (never below zero). */
  public void onFailure() {
    long current;
    do {
      current = millis.get();
      if (current == 0L) {
        return;
      }
    } while (!millis.compareAndSet(current, Math.max(0L, current - SCALE)));
  }

  /** A successful attempt: earns {@code tokenRatio} tokens (never above {@code maxTokens}). */
  public void onSuccess() {
    long current;
    do {
      current = millis.get();
      if (current == maxMillis) {
        return;
      }
    } while (!millis.compareAndSet(current, Math.min(maxMillis, current + earnMillis)));
  }

  /** The tokens left now, between 0 and {@code maxTokens}. */
  public double tokens() {
    return millis.get() / (double) SCALE;
  }

  /** The full bucket size. */
  public int maxTokens() {
    return maxTokens;
  }

  /** Tokens earned per success. */
  public double tokenRatio() {
    return tokenRatio;
  }

  /** A consistent-enough view for metrics and the actuator endpoint. */
  public RetryBudgetSnapshot snapshot() {
    return new RetryBudgetSnapshot(name, tokens(), maxTokens, allowed.sum(), refused.sum());
  }

  /** Refills the bucket and clears the counters. */
  public void reset() {
    millis.set(maxMillis);
    allowed.reset();
    refused.reset();
  }

  @Override
  public String toString() {
    return "RetryBudget{name="
        + name
        + ", tokens="
        + tokens()
        + "/"
        + maxTokens
        + ", tokenRatio="
        + tokenRatio
        + '}';
  }
}
