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
  boolean attemptHistogram;

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
   * Publishes a percentile histogram for {@code backon.attempt.duration} (Prometheus buckets);
   * default {@code false}. A {@code MeterFilter} on the registry can turn it on as well.
   */
  public BackonMicrometerBuilder attemptDurationHistogram(boolean publish) {
    this.attemptHistogram = publish;
    return this;
  }

  /**
   * Builds the instrumentation.
   *
   * @throws IllegalStateException when neither registry was set
   */
  public BackonMicrometer build() {
    if (meterRegistry == null && observationRegistry == null) {
      throw new IllegalStateException("BackonMicrometer needs a meterRegistry, an "
          + "observationRegistry or both, but neither was set");
    }
    return new BackonMicrometer(this);
  }
}
