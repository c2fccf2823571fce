package io.backon.spring.boot.autoconfigure;

/**
 * Which optional meters Backon records ({@code backon.metrics.*}). Mutable JavaBean for binding
 * only.
 */
public class MetricsProperties {

  /**
   * Whether backon.attempt.duration times every attempt, by outcome. Off, each call records its
   * backon.calls timer and one backon.attempts count per attempt; on, every attempt also records a
   * timer, about as costly again as the call's own. Its percentile histogram: set
   * management.metrics.distribution.percentiles-histogram.backon.attempt.duration=true. Default
   * false.
   */
  private boolean attemptDurations;

  /** Whether attempts are timed. */
  public boolean isAttemptDurations() {
    return attemptDurations;
  }

  /** Sets whether attempts are timed. */
  public void setAttemptDurations(boolean attemptDurations) {
    this.attemptDurations = attemptDurations;
  }
}
