package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.CallOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopCounter;
import io.micrometer.core.instrument.noop.NoopTimer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Registers the per-call meters of {@link BackonMeterNames} ({@code backon.calls}, {@code
 * backon.attempts}, {@code backon.hedges}, and {@code backon.attempt.duration} when asked for) and
 * keeps one {@link PolicyMeters} per policy name, created when a policy is built (or on its first
 * call). A policy's meters are resolved once and kept, so recording allocates nothing; meter
 * filters must therefore be configured on the registry before the first call (as Spring Boot does).
 * Thread-safe.
 */
final class RetryMeters {

  private final MeterRegistry registry;
  private final boolean attemptDurations;
  private final boolean attemptHistogram;
  private final int maxExceptionTags;
  private final ConcurrentMap<String, PolicyMeters> policies = new ConcurrentHashMap<>();

  RetryMeters(
      MeterRegistry registry,
      boolean attemptDurations,
      boolean attemptHistogram,
      int maxExceptionTags) {
    this.registry = registry;
    this.attemptDurations = attemptDurations;
    this.attemptHistogram = attemptHistogram;
    this.maxExceptionTags = maxExceptionTags;
  }

  /** The meters of the policy named {@code policyName}; no allocation once they exist. */
  PolicyMeters forPolicy(String policyName) {
    PolicyMeters meters = policies.get(policyName);
    return meters != null
        ? meters
        : policies.computeIfAbsent(policyName, name -> new PolicyMeters(this, name));
  }

  /** The meters of the policy named {@code policyName} if it has any yet; creates none. */
  @Nullable PolicyMeters existing(String policyName) {
    return policies.get(policyName);
  }

  /** Whether {@code backon.attempt.duration} times attempts (off by default). */
  boolean attemptDurations() {
    return attemptDurations;
  }

  /** How many {@value BackonMeterNames#EXCEPTION} values besides {@code none} a policy gets. */
  int maxExceptionTags() {
    return maxExceptionTags;
  }

  /** A no-op timer for a slot whose registration threw. */
  static Timer unregisteredTimer(String name) {
    return new NoopTimer(new Meter.Id(name, Tags.empty(), null, null, Meter.Type.TIMER));
  }

  /** A no-op counter for a slot whose registration threw. */
  static Counter unregisteredCounter(String name) {
    return new NoopCounter(new Meter.Id(name, Tags.empty(), null, null, Meter.Type.COUNTER));
  }

  /** Names meters for a log line: {@code backon.calls of policy 'payments' (exception=none)}. */
  static String describe(String name, String policy, @Nullable String exceptionTag) {
    return name
        + " of policy '"
        + policy
        + "'"
        + (exceptionTag == null
            ? ""
            : " (" + BackonMeterNames.EXCEPTION + "=" + exceptionTag + ")");
  }

  Timer callTimer(String policy, CallOutcome outcome, String exception) {
    return Timer.builder(BackonMeterNames.CALLS)
        .description("Calls made under a retry policy, by outcome")
        .tags(
            BackonMeterNames.NAME,
            policy,
            BackonMeterNames.OUTCOME,
            outcome.tagValue(),
            BackonMeterNames.EXCEPTION,
            exception)
        .register(registry);
  }

  Counter attemptCounter(String policy, AttemptOutcome outcome, String exception) {
    return Counter.builder(BackonMeterNames.ATTEMPTS)
        .description("Attempts made under a retry policy, by outcome and exception")
        .tags(
            BackonMeterNames.NAME,
            policy,
            BackonMeterNames.OUTCOME,
            outcome.tagValue(),
            BackonMeterNames.EXCEPTION,
            exception)
        .register(registry);
  }

  Timer attemptTimer(String policy, AttemptOutcome outcome) {
    return Timer.builder(BackonMeterNames.ATTEMPT_DURATION)
        .description("How long each attempt took, by outcome")
        .publishPercentileHistogram(attemptHistogram)
        .tags(BackonMeterNames.NAME, policy, BackonMeterNames.OUTCOME, outcome.tagValue())
        .register(registry);
  }

  Counter hedgeCounter(String policy, HedgeOutcome outcome) {
    return Counter.builder(BackonMeterNames.HEDGES)
        .description("Hedged attempts, by which copy won")
        .tags(BackonMeterNames.NAME, policy, BackonMeterNames.OUTCOME, outcome.tagValue())
        .register(registry);
  }
}
