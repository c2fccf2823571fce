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

  /**
   * How many distinct exception tag values (besides none) each policy's backon.calls and
   * backon.attempts get; failures of further exception classes are tagged exception="other", and
   * the first such failure logs one WARNING. Bounds the number of time series an outage of many
   * different exceptions can create. 0 tags every failure "other". A RetryInstrumentation bean of
   * the application's replaces Backon's meters and sets its own bound. Default 32.
   */
  private int maxExceptionTags = 32; // BackonMicrometer.DEFAULT_MAX_EXCEPTION_TAGS (optional type)

  /** Whether attempts are timed. */
  public boolean isAttemptDurations() {
    return attemptDurations;
  }

  /** Sets whether attempts are timed. */
  public void setAttemptDurations(boolean attemptDurations) {
    this.attemptDurations = attemptDurations;
  }

  /** The bound on exception tag values per policy. */
  public int getMaxExceptionTags() {
    return maxExceptionTags;
  }

  /** Sets the bound on exception tag values per policy; checked when the meters are built. */
  public void setMaxExceptionTags(int maxExceptionTags) {
    this.maxExceptionTags = maxExceptionTags;
  }
}
