package io.backon.spring.boot.autoconfigure;

import io.backon.wait.JitterKind;
import io.backon.wait.WaitKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The settings of one retry policy ({@code backon.defaults.*} or {@code backon.policies.<name>.*}).
 * A setting left unset comes from the policy it {@code extends}, then from {@code backon.defaults},
 * then from the core defaults. Mutable JavaBean for binding only; the policies built from it are
 * immutable.
 */
public class PolicyProperties {

  /** Another policy whose settings this one starts from (not allowed in backon.defaults). */
  private @Nullable String parent;

  /** Whether the policy retries at all; false calls the target exactly once. Default true. */
  private @Nullable Boolean enabled;

  /** Attempts in total, including the first; must be >= 1. Default 3. */
  private @Nullable Integer maxTries;

  /** No attempt starts later than this after the call began. Default: no limit. */
  private @Nullable Duration maxTime;

  /** The wait strategy between attempts. Default expo. */
  private @Nullable WaitKind wait;

  /**
   * The first or base wait of the strategy (constant: the wait; expo: the first wait). Default 1s.
   */
  private @Nullable Duration delay;

  /** The cap of the wait strategy (random: the upper bound). Default: no cap (random: 1s). */
  private @Nullable Duration maxDelay;

  /** The lower bound of the random, random-exponential and decay strategies. Default 0. */
  private @Nullable Duration minDelay;

  /**
   * The growth per attempt of expo, random-exponential and exponential-jitter (> 1), or the decay
   * factor. Default 2 (decay: 1).
   */
  private @Nullable Double multiplier;

  /** The step of incrementing, or the random part of exponential-jitter. Default 1s. */
  private @Nullable Duration increment;

  /** The jitter applied to every wait. Default full. */
  private @Nullable JitterKind jitter;

  /** The upper bound of the random jitter's added part. Default 1s. */
  private @Nullable Duration jitterMax;

  /**
   * Fully-qualified exception classes to retry (with subclasses); empty retries every Exception.
   */
  private List<Class<? extends Throwable>> retryOn = new ArrayList<>();

  /** Fully-qualified exception classes never retried (with subclasses). */
  private List<Class<? extends Throwable>> abortOn = new ArrayList<>();

  /**
   * A SpEL condition on the returned value (#result) that asks for another attempt, e.g. "#result
   * == null".
   */
  private @Nullable String retryIf;

  /**
   * Cancels one attempt that runs longer than this; the attempt fails with AttemptTimeoutException
   * (retryable). Default: none.
   */
  private @Nullable Duration attemptTimeout;

  /**
   * Hard limit on the whole call including waits; ends it with DeadlineExceededException. Default:
   * none.
   */
  private @Nullable Duration deadline;

  /**
   * The name of the circuit breaker (backon.circuit-breakers.<name> or a CircuitBreaker bean) each
   * attempt goes through.
   */
  private @Nullable String circuitBreaker;

  /** Whether a call rejected by an open breaker is retried after the wait. Default false. */
  private @Nullable Boolean retryOnCircuitOpen;

  /**
   * The name of the retry budget (backon.budgets.<name> or a RetryBudget bean) that retries spend.
   */
  private @Nullable String budget;

  /**
   * Whether giving up throws the last failure (true) or returns the last value or null (false).
   * Default true.
   */
  private @Nullable Boolean raiseOnGiveUp;

  /**
   * Whether a supplyAsync attempt waits for a slot held by abandoned attempts (attempts of this
   * policy that timed out but ignore their interrupt, also of calls that ended) to end (true) or
   * fails the call at once (false). Default true.
   */
  private @Nullable Boolean waitForAbandonedAttempts;

  /** Whether the policy records RetryStatistics of the last call. Default false. */
  private @Nullable Boolean statistics;

  /**
   * The log level of each back-off line: trace, debug, info, warn (or warning), error or off, in
   * any case. Default DEBUG.
   */
  private System.Logger.@Nullable Level backoffLogLevel;

  /**
   * The log level of the give-up line of a call whose failure reaches the caller (calls saved by a
   * fallback and calls an open breaker rejected before any attempt reached the target log at
   * DEBUG): trace, debug, info, warn (or warning), error or off, in any case. Default WARN.
   */
  private System.Logger.@Nullable Level giveUpLogLevel;

  /** Hedged requests: extra copies of a slow attempt. */
  @NestedConfigurationProperty private HedgingProperties hedging = new HedgingProperties();

  /** Another policy whose settings this one starts from (bound from the key {@code extends}). */
  public @Nullable String getExtends() {
    return parent;
  }

  /** Sets the policy this one starts from. */
  public void setExtends(@Nullable String parent) {
    this.parent = parent;
  }

  /** Whether the policy retries at all. */
  public @Nullable Boolean getEnabled() {
    return enabled;
  }

  /** Sets whether the policy retries at all. */
  public void setEnabled(@Nullable Boolean enabled) {
    this.enabled = enabled;
  }

  /** Attempts in total. */
  public @Nullable Integer getMaxTries() {
    return maxTries;
  }

  /** Sets the attempts in total. */
  public void setMaxTries(@Nullable Integer maxTries) {
    this.maxTries = maxTries;
  }

  /** The time after which no attempt starts. */
  public @Nullable Duration getMaxTime() {
    return maxTime;
  }

  /** Sets the time after which no attempt starts. */
  public void setMaxTime(@Nullable Duration maxTime) {
    this.maxTime = maxTime;
  }

  /** The wait strategy. */
  public @Nullable WaitKind getWait() {
    return wait;
  }

  /** Sets the wait strategy. */
  public void setWait(@Nullable WaitKind wait) {
    this.wait = wait;
  }

  /** The first or base wait. */
  public @Nullable Duration getDelay() {
    return delay;
  }

  /** Sets the first or base wait. */
  public void setDelay(@Nullable Duration delay) {
    this.delay = delay;
  }

  /** The cap of the wait strategy. */
  public @Nullable Duration getMaxDelay() {
    return maxDelay;
  }

  /** Sets the cap of the wait strategy. */
  public void setMaxDelay(@Nullable Duration maxDelay) {
    this.maxDelay = maxDelay;
  }

  /** The lower bound of random and decaying waits. */
  public @Nullable Duration getMinDelay() {
    return minDelay;
  }

  /** Sets the lower bound of random and decaying waits. */
  public void setMinDelay(@Nullable Duration minDelay) {
    this.minDelay = minDelay;
  }

  /** The growth or decay factor. */
  public @Nullable Double getMultiplier() {
    return multiplier;
  }

  /** Sets the growth or decay factor. */
  public void setMultiplier(@Nullable Double multiplier) {
    this.multiplier = multiplier;
  }

  /** The step of incrementing waits. */
  public @Nullable Duration getIncrement() {
    return increment;
  }

  /** Sets the step of incrementing waits. */
  public void setIncrement(@Nullable Duration increment) {
    this.increment = increment;
  }

  /** The jitter. */
  public @Nullable JitterKind getJitter() {
    return jitter;
  }

  /** Sets the jitter. */
  public void setJitter(@Nullable JitterKind jitter) {
    this.jitter = jitter;
  }

  /** The upper bound of the random jitter. */
  public @Nullable Duration getJitterMax() {
    return jitterMax;
  }

  /** Sets the upper bound of the random jitter. */
  public void setJitterMax(@Nullable Duration jitterMax) {
    this.jitterMax = jitterMax;
  }

  /**
   * The exception classes to retry. Typed as classes (not names) so that IDEs complete exception
   * classes under every policy; the binder loads each name, and the element type is not checked
   * there: the policy's assembly rejects a class that is not a Throwable (BACKON-CFG-005).
   */
  public List<Class<? extends Throwable>> getRetryOn() {
    return retryOn;
  }

  /** Sets the exception classes to retry. */
  public void setRetryOn(List<Class<? extends Throwable>> retryOn) {
    this.retryOn = retryOn;
  }

  /** The exception classes never retried; like {@link #getRetryOn()}. */
  public List<Class<? extends Throwable>> getAbortOn() {
    return abortOn;
  }

  /** Sets the exception classes never retried. */
  public void setAbortOn(List<Class<? extends Throwable>> abortOn) {
    this.abortOn = abortOn;
  }

  /** The SpEL result condition. */
  public @Nullable String getRetryIf() {
    return retryIf;
  }

  /** Sets the SpEL result condition. */
  public void setRetryIf(@Nullable String retryIf) {
    this.retryIf = retryIf;
  }

  /** The per-attempt timeout. */
  public @Nullable Duration getAttemptTimeout() {
    return attemptTimeout;
  }

  /** Sets the per-attempt timeout. */
  public void setAttemptTimeout(@Nullable Duration attemptTimeout) {
    this.attemptTimeout = attemptTimeout;
  }

  /** The overall deadline. */
  public @Nullable Duration getDeadline() {
    return deadline;
  }

  /** Sets the overall deadline. */
  public void setDeadline(@Nullable Duration deadline) {
    this.deadline = deadline;
  }

  /** The circuit breaker's name. */
  public @Nullable String getCircuitBreaker() {
    return circuitBreaker;
  }

  /** Sets the circuit breaker's name. */
  public void setCircuitBreaker(@Nullable String circuitBreaker) {
    this.circuitBreaker = circuitBreaker;
  }

  /** Whether calls rejected by an open breaker are retried. */
  public @Nullable Boolean getRetryOnCircuitOpen() {
    return retryOnCircuitOpen;
  }

  /** Sets whether calls rejected by an open breaker are retried. */
  public void setRetryOnCircuitOpen(@Nullable Boolean retryOnCircuitOpen) {
    this.retryOnCircuitOpen = retryOnCircuitOpen;
  }

  /** The retry budget's name. */
  public @Nullable String getBudget() {
    return budget;
  }

  /** Sets the retry budget's name. */
  public void setBudget(@Nullable String budget) {
    this.budget = budget;
  }

  /** Whether giving up throws. */
  public @Nullable Boolean getRaiseOnGiveUp() {
    return raiseOnGiveUp;
  }

  /** Sets whether giving up throws. */
  public void setRaiseOnGiveUp(@Nullable Boolean raiseOnGiveUp) {
    this.raiseOnGiveUp = raiseOnGiveUp;
  }

  /** Whether a supplyAsync attempt waits for a slot held by abandoned attempts. */
  public @Nullable Boolean getWaitForAbandonedAttempts() {
    return waitForAbandonedAttempts;
  }

  /** Sets whether a supplyAsync attempt waits for a slot held by abandoned attempts. */
  public void setWaitForAbandonedAttempts(@Nullable Boolean waitForAbandonedAttempts) {
    this.waitForAbandonedAttempts = waitForAbandonedAttempts;
  }

  /** Whether statistics are recorded. */
  public @Nullable Boolean getStatistics() {
    return statistics;
  }

  /** Sets whether statistics are recorded. */
  public void setStatistics(@Nullable Boolean statistics) {
    this.statistics = statistics;
  }

  /** The back-off log level. */
  public System.Logger.@Nullable Level getBackoffLogLevel() {
    return backoffLogLevel;
  }

  /** Sets the back-off log level. */
  public void setBackoffLogLevel(System.Logger.@Nullable Level backoffLogLevel) {
    this.backoffLogLevel = backoffLogLevel;
  }

  /** The give-up log level. */
  public System.Logger.@Nullable Level getGiveUpLogLevel() {
    return giveUpLogLevel;
  }

  /** Sets the give-up log level. */
  public void setGiveUpLogLevel(System.Logger.@Nullable Level giveUpLogLevel) {
    this.giveUpLogLevel = giveUpLogLevel;
  }

  /** The hedging settings. */
  public HedgingProperties getHedging() {
    return hedging;
  }

  /** Sets the hedging settings. */
  public void setHedging(HedgingProperties hedging) {
    this.hedging = hedging;
  }
}
