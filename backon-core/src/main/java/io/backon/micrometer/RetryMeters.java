package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records the per-call meters of {@link BackonMeterNames}: {@code backon.calls}, {@code
 * backon.attempts}, {@code backon.attempt.duration}, {@code backon.hedges}. Durations come from the
 * policy's clock, as measured by the engine. Thread-safe.
 */
final class RetryMeters {

  private final Meter.MeterProvider<Timer> calls;
  private final Meter.MeterProvider<Counter> attempts;
  private final Meter.MeterProvider<Timer> attemptDuration;
  private final Meter.MeterProvider<Counter> hedges;

  RetryMeters(MeterRegistry registry, boolean attemptHistogram) {
    this.calls = Timer.builder(BackonMeterNames.CALLS)
        .description("Calls made under a retry policy, by outcome")
        .withRegistry(registry);
    this.attempts = Counter.builder(BackonMeterNames.ATTEMPTS)
        .description("Attempts made under a retry policy, by outcome and exception")
        .withRegistry(registry);
    this.attemptDuration = Timer.builder(BackonMeterNames.ATTEMPT_DURATION)
        .description("How long each attempt took, by outcome")
        .publishPercentileHistogram(attemptHistogram)
        .withRegistry(registry);
    this.hedges = Counter.builder(BackonMeterNames.HEDGES)
        .description("Hedged attempts, by which copy won")
        .withRegistry(registry);
  }

  void call(String policy, CallOutcome outcome, @Nullable Throwable failure, long nanos) {
    calls.withTags(BackonMeterNames.NAME, policy, BackonMeterNames.OUTCOME, outcome.tagValue(),
        BackonMeterNames.EXCEPTION, BackonMeterNames.exceptionTag(failure))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void attempt(String policy, AttemptOutcome outcome, @Nullable Throwable failure, long nanos) {
    attempts.withTags(BackonMeterNames.NAME, policy, BackonMeterNames.OUTCOME, outcome.tagValue(),
        BackonMeterNames.EXCEPTION, BackonMeterNames.exceptionTag(failure)).increment();
    attemptDuration.withTags(BackonMeterNames.NAME, policy,
        BackonMeterNames.OUTCOME, outcome.tagValue()).record(nanos, TimeUnit.NANOSECONDS);
  }

  void hedge(String policy, HedgeOutcome outcome) {
    hedges.withTags(BackonMeterNames.NAME, policy, BackonMeterNames.OUTCOME, outcome.tagValue())
        .increment();
  }
}
