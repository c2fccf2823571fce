package io.backon.spring.boot.autoconfigure;

import io.backon.breaker.SlidingWindowType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one circuit breaker ({@code backon.circuit-breaker-defaults.*} or {@code
 * backon.circuit-breakers.<name>.*}). Unset settings come from {@code circuit-breaker-defaults},
 * then from the core defaults. Mutable JavaBean for binding only.
 */
public class CircuitBreakerProperties {

  /**
   * Whether an open breaker reports DOWN in /actuator/health (true) or CIRCUIT_OPEN, which keeps
   * the application UP (false). Default false.
   */
  private @Nullable Boolean affectsHealth;

  /**
   * Consecutive failures that open the breaker. Default 5 (off when a sliding window is set, unless
   * given).
   */
  private @Nullable Integer failureThreshold;

  /**
   * The window the failure-rate and slow-call rules look at: none, count-based or time-based.
   * Default none.
   */
  private @Nullable SlidingWindowType slidingWindowType;

  /** Calls in a count-based window. */
  private @Nullable Integer windowSize;

  /** Length of a time-based window (whole seconds). */
  private @Nullable Duration windowDuration;

  /** Calls a window needs before its rates count. Default 10. */
  private @Nullable Integer minimumCalls;

  /** Failure rate in percent (0-100] that opens the breaker. Default 50. */
  private @Nullable Double failureRateThreshold;

  /** Calls at least this long count as slow. Default: slow-call rule off. */
  private @Nullable Duration slowCallDuration;

  /** Slow-call rate in percent (0-100] that opens the breaker. Default 100. */
  private @Nullable Double slowCallRateThreshold;

  /** How long the breaker stays open before trial calls. Default 60s. */
  private @Nullable Duration recoveryTimeout;

  /** Growth of the open time each time a trial fails (>= 1). Default 1 (no growth). */
  private @Nullable Double recoveryBackoffMultiplier;

  /**
   * Cap of the growing open time; required when recovery-backoff-multiplier is set. Default:
   * recovery-timeout.
   */
  private @Nullable Duration maxRecoveryTimeout;

  /** Trial calls admitted at once while half-open. Default 1. */
  private @Nullable Integer halfOpenMaxCalls;

  /** Successful trial calls that close the breaker. Default 1. */
  private @Nullable Integer successThreshold;

  /**
   * Fully-qualified exception classes that count as failures (with subclasses); empty counts every
   * exception.
   */
  private List<Class<? extends Throwable>> recordOn = new ArrayList<>();

  /** Fully-qualified exception classes that count as neither success nor failure. */
  private List<Class<? extends Throwable>> ignoreOn = new ArrayList<>();

  /** Whether an open breaker reports DOWN. */
  public @Nullable Boolean getAffectsHealth() {
    return affectsHealth;
  }

  /** Sets whether an open breaker reports DOWN. */
  public void setAffectsHealth(@Nullable Boolean affectsHealth) {
    this.affectsHealth = affectsHealth;
  }

  /** The consecutive failures that open the breaker. */
  public @Nullable Integer getFailureThreshold() {
    return failureThreshold;
  }

  /** Sets the consecutive failures that open the breaker. */
  public void setFailureThreshold(@Nullable Integer failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  /** The sliding window type. */
  public @Nullable SlidingWindowType getSlidingWindowType() {
    return slidingWindowType;
  }

  /** Sets the sliding window type. */
  public void setSlidingWindowType(@Nullable SlidingWindowType slidingWindowType) {
    this.slidingWindowType = slidingWindowType;
  }

  /** The calls in a count-based window. */
  public @Nullable Integer getWindowSize() {
    return windowSize;
  }

  /** Sets the calls in a count-based window. */
  public void setWindowSize(@Nullable Integer windowSize) {
    this.windowSize = windowSize;
  }

  /** The length of a time-based window. */
  public @Nullable Duration getWindowDuration() {
    return windowDuration;
  }

  /** Sets the length of a time-based window. */
  public void setWindowDuration(@Nullable Duration windowDuration) {
    this.windowDuration = windowDuration;
  }

  /** The calls a window needs before its rates count. */
  public @Nullable Integer getMinimumCalls() {
    return minimumCalls;
  }

  /** Sets the calls a window needs before its rates count. */
  public void setMinimumCalls(@Nullable Integer minimumCalls) {
    this.minimumCalls = minimumCalls;
  }

  /** The failure rate that opens the breaker. */
  public @Nullable Double getFailureRateThreshold() {
    return failureRateThreshold;
  }

  /** Sets the failure rate that opens the breaker. */
  public void setFailureRateThreshold(@Nullable Double failureRateThreshold) {
    this.failureRateThreshold = failureRateThreshold;
  }

  /** The duration from which calls are slow. */
  public @Nullable Duration getSlowCallDuration() {
    return slowCallDuration;
  }

  /** Sets the duration from which calls are slow. */
  public void setSlowCallDuration(@Nullable Duration slowCallDuration) {
    this.slowCallDuration = slowCallDuration;
  }

  /** The slow-call rate that opens the breaker. */
  public @Nullable Double getSlowCallRateThreshold() {
    return slowCallRateThreshold;
  }

  /** Sets the slow-call rate that opens the breaker. */
  public void setSlowCallRateThreshold(@Nullable Double slowCallRateThreshold) {
    this.slowCallRateThreshold = slowCallRateThreshold;
  }

  /** The open time before trial calls. */
  public @Nullable Duration getRecoveryTimeout() {
    return recoveryTimeout;
  }

  /** Sets the open time before trial calls. */
  public void setRecoveryTimeout(@Nullable Duration recoveryTimeout) {
    this.recoveryTimeout = recoveryTimeout;
  }

  /** The growth of the open time. */
  public @Nullable Double getRecoveryBackoffMultiplier() {
    return recoveryBackoffMultiplier;
  }

  /** Sets the growth of the open time. */
  public void setRecoveryBackoffMultiplier(@Nullable Double recoveryBackoffMultiplier) {
    this.recoveryBackoffMultiplier = recoveryBackoffMultiplier;
  }

  /** The cap of the open time. */
  public @Nullable Duration getMaxRecoveryTimeout() {
    return maxRecoveryTimeout;
  }

  /** Sets the cap of the open time. */
  public void setMaxRecoveryTimeout(@Nullable Duration maxRecoveryTimeout) {
    this.maxRecoveryTimeout = maxRecoveryTimeout;
  }

  /** The trial calls admitted at once. */
  public @Nullable Integer getHalfOpenMaxCalls() {
    return halfOpenMaxCalls;
  }

  /** Sets the trial calls admitted at once. */
  public void setHalfOpenMaxCalls(@Nullable Integer halfOpenMaxCalls) {
    this.halfOpenMaxCalls = halfOpenMaxCalls;
  }

  /** The successful trials that close the breaker. */
  public @Nullable Integer getSuccessThreshold() {
    return successThreshold;
  }

  /** Sets the successful trials that close the breaker. */
  public void setSuccessThreshold(@Nullable Integer successThreshold) {
    this.successThreshold = successThreshold;
  }

  /**
   * The exception classes that count as failures. Typed as classes (not names) so that IDEs
   * complete exception classes under every breaker; the binder loads each name, and the element
   * type is not checked there: the breaker's assembly rejects a class that is not a Throwable
   * (BACKON-CFG-005).
   */
  public List<Class<? extends Throwable>> getRecordOn() {
    return recordOn;
  }

  /** Sets the exception classes that count as failures. */
  public void setRecordOn(List<Class<? extends Throwable>> recordOn) {
    this.recordOn = recordOn;
  }

  /** The exception classes that are ignored; like {@link #getRecordOn()}. */
  public List<Class<? extends Throwable>> getIgnoreOn() {
    return ignoreOn;
  }

  /** Sets the exception classes that are ignored. */
  public void setIgnoreOn(List<Class<? extends Throwable>> ignoreOn) {
    this.ignoreOn = ignoreOn;
  }
}
