package io.backon.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link BackonMicrometer}: at least one of a meter registry and an observation registry.
 * Not thread-safe; the instrumentation it builds is.
 */
public final class BackonMicrometerBuilder {

  @Nullable MeterRegistry meterRegistry;
  @Nullable ObservationRegistry observationRegistry;
  @Nullable BackonCallObservationConvention callConvention;
  @Nullable BackonAttemptObservationConvention attemptConvention;
  boolean attemptDurations;
  boolean attemptHistogram;
  boolean observeAlways;
  int maxExceptionTags = BackonMicrometer.DEFAULT_MAX_EXCEPTION_TAGS;

  BackonMicrometerBuilder() {}

  /** Where the meters go; none by default. */
  public BackonMicrometerBuilder meterRegistry(MeterRegistry registry) {
    this.meterRegistry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /** Where the call and attempt observations go; none by default (no observations). */
  public BackonMicrometerBuilder observationRegistry(ObservationRegistry registry) {
    this.observationRegistry = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * Observes every call even while the observation registry's only handlers are Micrometer's {@code
   * DefaultMeterObservationHandler}; default {@code false}. By default, with a {@link
   * #meterRegistry meter registry} as well, such calls are not observed: the handler's timers would
   * duplicate Backon's meters at about 2.5 KB per observation. Without a meter registry every call
   * is observed (the meter handler is then the only source of timers).
   */
  public BackonMicrometerBuilder observeAlways(boolean observe) {
    this.observeAlways = observe;
    return this;
  }

  /** Replaces {@link DefaultBackonCallObservationConvention} for call observations. */
  public BackonMicrometerBuilder callConvention(BackonCallObservationConvention convention) {
    this.callConvention = Objects.requireNonNull(convention, "convention");
    return this;
  }

  /** Replaces {@link DefaultBackonAttemptObservationConvention} for attempt observations. */
  public BackonMicrometerBuilder attemptConvention(BackonAttemptObservationConvention convention) {
    this.attemptConvention = Objects.requireNonNull(convention, "convention");
    return this;
  }

  /**
   * Times every attempt in {@code backon.attempt.duration}, by outcome; default {@code false}. Off,
   * a call records one timer ({@code backon.calls}) and one counter ({@code backon.attempts}) per
   * attempt; on, each attempt also records a timer, which on a Prometheus registry costs about as
   * much again as the call's own timer (one more clock read and its time-window maximum).
   */
  public BackonMicrometerBuilder attemptDurations(boolean record) {
    this.attemptDurations = record;
    return this;
  }

  /**
   * Publishes a percentile histogram for {@code backon.attempt.duration} (Prometheus buckets), and
   * so also turns {@link #attemptDurations(boolean) attempt durations} on; default {@code false}.
   * With attempt durations on, a {@code MeterFilter} on the registry can turn the histogram on as
   * well.
   */
  public BackonMicrometerBuilder attemptDurationHistogram(boolean publish) {
    this.attemptHistogram = publish;
    return this;
  }

  /**
   * Bounds the distinct {@value BackonMeterNames#EXCEPTION} tag values of each policy's {@code
   * backon.calls} and {@code backon.attempts} meters (besides {@value BackonMeterNames#NONE});
   * default {@value BackonMicrometer#DEFAULT_MAX_EXCEPTION_TAGS}. The first {@code max} exception
   * tags a policy sees keep their own meters; failures with any further tag are tagged {@value
   * BackonMeterNames#OTHER}, and a WARNING on the {@code io.backon.micrometer} logger says so once
   * per policy. 0 tags every failure {@value BackonMeterNames#OTHER}.
   *
   * @throws IllegalArgumentException when {@code max} is negative
   */
  public BackonMicrometerBuilder maxExceptionTags(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("maxExceptionTags must be >= 0 but was " + max);
    }
    this.maxExceptionTags = max;
    return this;
  }

  /**
   * Builds the instrumentation.
   *
   * @throws IllegalStateException when neither registry was set
   */
  public BackonMicrometer build() {
    if (meterRegistry == null && observationRegistry == null) {
      throw new IllegalStateException(
          "BackonMicrometer needs a meterRegistry, an "
              + "observationRegistry or both, but neither was set");
    }
    return new BackonMicrometer(this);
  }
}
