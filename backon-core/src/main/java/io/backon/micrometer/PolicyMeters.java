package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.AttemptOutcome;
import io.backon.instrumentation.AttemptTracer;
import io.backon.instrumentation.CallOutcome;
import io.backon.instrumentation.CallTracer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The per-call meters of one policy, each resolved on first use and kept: arrays indexed by the
 * outcome enums, plus one {@link ExceptionMeters} per {@value BackonMeterNames#EXCEPTION} tag
 * value, at most {@link RetryMeters#maxExceptionTags()} of them; failures of further exception
 * classes are tagged {@value BackonMeterNames#OTHER}.
 *
 * <p>It is also the tracer of every call of the policy when no observations are made: the SPI
 * passes every outcome and duration, so a call needs no state of its own, and a successful call
 * allocates nothing. Thread-safe.
 */
final class PolicyMeters implements CallTracer, AttemptTracer {

  private static final AttemptOutcome[] ATTEMPT_OUTCOMES = AttemptOutcome.values();
  private static final HedgeOutcome[] HEDGE_OUTCOMES = HedgeOutcome.values();
  private static final System.Logger LOGGER = System.getLogger("io.backon.micrometer");

  private final RetryMeters meters;
  private final String policyName;
  private final ExceptionMeters withoutFailure;
  private final @Nullable MeterSlots<Timer> attemptDurations;
  private final MeterSlots<Counter> hedges;
  private final ConcurrentMap<String, ExceptionMeters> byException = new ConcurrentHashMap<>();

  /** Set once {@link #byException} is full; never unset, since entries are never removed. */
  private volatile @Nullable ExceptionMeters otherExceptions;

  PolicyMeters(RetryMeters meters, String policyName) {
    this.meters = meters;
    this.policyName = policyName;
    this.withoutFailure = new ExceptionMeters(meters, policyName, BackonMeterNames.NONE);
    this.attemptDurations =
        meters.attemptDurations()
            ? new MeterSlots<>(
                ATTEMPT_OUTCOMES.length,
                i -> meters.attemptTimer(policyName, ATTEMPT_OUTCOMES[i]),
                RetryMeters.unregisteredTimer(BackonMeterNames.ATTEMPT_DURATION),
                RetryMeters.describe(BackonMeterNames.ATTEMPT_DURATION, policyName, null))
            : null;
    this.hedges =
        new MeterSlots<>(
            HEDGE_OUTCOMES.length,
            i -> meters.hedgeCounter(policyName, HEDGE_OUTCOMES[i]),
            RetryMeters.unregisteredCounter(BackonMeterNames.HEDGES),
            RetryMeters.describe(BackonMeterNames.HEDGES, policyName, null));
  }

  @Override
  public AttemptTracer attemptStarted(int attemptNumber) {
    return this;
  }

  @Override
  public void hedgeEnded(HedgeOutcome outcome) {
    hedges.get(outcome.ordinal()).increment();
  }

  /**
   * How many hedged races ended with {@code outcome}, read from this policy's own {@code
   * backon.hedges} counter: right also when a meter filter renamed its tags; 0 before the first
   * such race or when a filter denied the meter.
   */
  long hedgeCount(HedgeOutcome outcome) {
    Counter counter = hedges.peek(outcome.ordinal());
    return counter == null ? 0 : (long) counter.count();
  }

  @Override
  public void attemptEnded(
      AttemptOutcome outcome, @Nullable Throwable failure, long durationNanos) {
    forFailure(failure).attempt(outcome).increment();
    MeterSlots<Timer> durations = attemptDurations;
    if (durations != null) {
      durations.get(outcome.ordinal()).record(durationNanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void callEnded(
      CallOutcome outcome, @Nullable Throwable failure, int attempts, long durationNanos) {
    forFailure(failure).call(outcome).record(durationNanos, TimeUnit.NANOSECONDS);
  }

  private ExceptionMeters forFailure(@Nullable Throwable failure) {
    if (failure == null) {
      return withoutFailure;
    }
    String tag = BackonMeterNames.exceptionTag(failure);
    ExceptionMeters known = byException.get(tag);
    if (known != null) {
      return known;
    }
    ExceptionMeters other = otherExceptions;
    return other != null ? other : admit(tag);
  }

  /** Adds the meters of a new exception tag, or past the limit returns those tagged "other". */
  private synchronized ExceptionMeters admit(String tag) {
    ExceptionMeters known = byException.get(tag);
    if (known != null) {
      return known;
    }
    if (byException.size() < meters.maxExceptionTags()) {
      ExceptionMeters added = new ExceptionMeters(meters, policyName, tag);
      byException.put(tag, added);
      return added;
    }
    ExceptionMeters other = otherExceptions;
    if (other == null) {
      other = new ExceptionMeters(meters, policyName, BackonMeterNames.OTHER);
      otherExceptions = other;
      LOGGER.log(
          System.Logger.Level.WARNING,
          () ->
              "Meters of retry policy '"
                  + policyName
                  + "' reached their limit of "
                  + meters.maxExceptionTags()
                  + " exception tags; failures "
                  + "of further exception classes (first: "
                  + tag
                  + ") are tagged exception=\""
                  + BackonMeterNames.OTHER
                  + "\" (see BackonMicrometerBuilder.maxExceptionTags; in Spring"
                  + " backon.metrics.max-exception-tags)");
    }
    return other;
  }

  @Override
  public String toString() {
    return "PolicyMeters{" + policyName + '}';
  }
}
