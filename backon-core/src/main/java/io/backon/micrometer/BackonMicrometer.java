package io.backon.micrometer;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.hedge.HedgeOutcome;
import io.backon.instrumentation.CallTracer;
import io.backon.instrumentation.RetryInstrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Backon's Micrometer instrumentation. Put it on policies and bind breakers and budgets:
 *
 * <pre>{@code
 * BackonMicrometer metrics = BackonMicrometer.of(meterRegistry);            // meters
 * BackonMicrometer both = BackonMicrometer.of(meterRegistry, observations);  // meters + traces
 * RetryPolicy policy = RetryPolicy.builder().name("payments").instrumentation(metrics).build();
 * metrics.bindTo(breaker).bindTo(budget);
 * }</pre>
 *
 * <p>With a {@link MeterRegistry} every instrumented call records the meters listed in {@link
 * BackonMeterNames}: {@code backon.calls}, {@code backon.attempts} and {@code backon.hedges} (plus
 * {@code backon.attempt.duration} when {@link BackonMicrometerBuilder#attemptDurations(boolean)
 * asked for}), tagged with the policy name. Each meter is registered on its policy's first call
 * with that outcome (and exception) and kept, so a metered call that makes no observation allocates
 * nothing on the success path. Each policy gets at most {@link
 * BackonMicrometerBuilder#maxExceptionTags} distinct {@code exception} tag values (default {@value
 * #DEFAULT_MAX_EXCEPTION_TAGS}); further exception classes are tagged {@value
 * BackonMeterNames#OTHER}. Configure meter filters on the registry before the first call.
 *
 * <p>With an {@link ObservationRegistry} each call is also an {@link Observation} ({@link
 * BackonObservationDocumentation#CALL}, a child of the observation current when the call starts)
 * with a child observation per attempt ({@link BackonObservationDocumentation#ATTEMPT}) whose scope
 * is open wherever the attempt's code runs, so a tracing bridge shows each attempt as a span.
 * Observations cost allocations on every call (about 2.5 KB each), so they are made only while
 * something consumes them beyond Backon's own meters: a registry without handlers makes none, and
 * with a meter registry neither does one whose only handlers are Micrometer's {@code
 * DefaultMeterObservationHandler} (its timers would duplicate {@code backon.calls}); any other
 * handler (a tracing bridge, a handler of yours), also one added after the policy was built, turns
 * them on. {@link BackonMicrometerBuilder#observeAlways(boolean)} observes regardless. The
 * observations are named {@code backon.call}/{@code backon.attempt}, distinct from the meters: when
 * they are made and the observation registry also has a {@code DefaultMeterObservationHandler}, it
 * adds timers of those names (and {@code .active} long-task timers), which duplicate {@code
 * backon.calls}/{@code backon.attempt.duration}; deny them with a {@code MeterFilter} (Spring Boot
 * does this for you).
 *
 * <p>{@link #bindTo(CircuitBreaker...)} and {@link #bindTo(RetryBudget...)} add the breaker and
 * budget meters ({@link CircuitBreakerMetrics}, {@link RetryBudgetMetrics}).
 *
 * <p>Thread-safe, with an immutable configuration (the meters it resolves are cached); one instance
 * can serve any number of policies.
 */
public final class BackonMicrometer implements RetryInstrumentation {

  /**
   * How many distinct {@value BackonMeterNames#EXCEPTION} tag values (besides {@value
   * BackonMeterNames#NONE}) a policy's meters get by default; see {@link
   * BackonMicrometerBuilder#maxExceptionTags}.
   */
  public static final int DEFAULT_MAX_EXCEPTION_TAGS = 32;

  private final @Nullable MeterRegistry meterRegistry;
  private final @Nullable ObservationRegistry observationRegistry;
  private final @Nullable RetryMeters meters;
  private final @Nullable BackonCallObservationConvention callConvention;
  private final @Nullable BackonAttemptObservationConvention attemptConvention;

  /** Set when observations are skipped while only meter handlers would consume them. */
  private final @Nullable ObservationConsumers consumers;

  BackonMicrometer(BackonMicrometerBuilder builder) {
    this.meterRegistry = builder.meterRegistry;
    this.observationRegistry = builder.observationRegistry;
    this.callConvention = builder.callConvention;
    this.attemptConvention = builder.attemptConvention;
    MeterRegistry registry = builder.meterRegistry;
    this.meters =
        registry == null
            ? null
            : new RetryMeters(
                registry,
                builder.attemptDurations || builder.attemptHistogram,
                builder.attemptHistogram,
                builder.maxExceptionTags);
    ObservationRegistry observations = builder.observationRegistry;
    this.consumers =
        observations == null || registry == null || builder.observeAlways
            ? null
            : ObservationConsumers.of(observations);
  }

  /** Records Backon's meters in {@code meterRegistry}; no observations. */
  public static BackonMicrometer of(MeterRegistry meterRegistry) {
    return builder().meterRegistry(meterRegistry).build();
  }

  /**
   * Records Backon's meters in {@code meterRegistry} and observations in {@code
   * observationRegistry}.
   */
  public static BackonMicrometer of(
      MeterRegistry meterRegistry, ObservationRegistry observationRegistry) {
    return builder().meterRegistry(meterRegistry).observationRegistry(observationRegistry).build();
  }

  /**
   * Records only observations in {@code observationRegistry} (its handlers decide what becomes a
   * span or a timer); no direct meters, so {@link #bindTo(CircuitBreaker...)} is not available.
   */
  public static BackonMicrometer of(ObservationRegistry observationRegistry) {
    return builder().observationRegistry(observationRegistry).build();
  }

  /** A builder for the other options (conventions, attempt durations and their histogram). */
  public static BackonMicrometerBuilder builder() {
    return new BackonMicrometerBuilder();
  }

  /**
   * Without observations (none configured, a registry without handlers, or one whose only handlers
   * make meters while this instance records its own) returns the policy's shared, stateless meter
   * tracer: nothing is allocated. With observations, starts the call's.
   */
  @Override
  public CallTracer callStarted(RetryPolicy policy, String targetName) {
    String policyName = policy.name();
    RetryMeters retryMeters = meters;
    PolicyMeters policyMeters = retryMeters == null ? null : retryMeters.forPolicy(policyName);
    ObservationRegistry registry = observationRegistry;
    ObservationConsumers observationConsumers = consumers;
    if (registry == null
        || registry.isNoop()
        || (observationConsumers != null && !observationConsumers.beyondMeters())) {
      return policyMeters != null ? policyMeters : NONE.callStarted(policy, targetName);
    }
    BackonCallContext context = new BackonCallContext(policyName, targetName);
    Observation caller = registry.getCurrentObservation();
    Observation observation =
        BackonObservationDocumentation.CALL
            .observation(
                callConvention,
                DefaultBackonCallObservationConvention.INSTANCE,
                () -> context,
                registry)
            .start();
    return new MicrometerCallTracer(this, targetName, caller, observation, context, policyMeters);
  }

  /**
   * With meters and no observation registry, the policy's meters, which serve every call without
   * per-call state; with an observation registry {@code null}, so that each call decides whether to
   * observe (handlers may be added to the registry after the policy is built).
   */
  @Override
  public @Nullable CallTracer sharedTracer(RetryPolicy policy) {
    RetryMeters retryMeters = meters;
    return retryMeters != null && observationRegistry == null
        ? retryMeters.forPolicy(policy.name())
        : null;
  }

  /**
   * Starts the observation of an attempt as a child of its call's observation. The call's scope is
   * open while the attempt starts: Micrometer Tracing parents a span on the span current on the
   * thread when that differs from the parent observation's, and the call is never in scope
   * otherwise, so without it every attempt would be a sibling of its call under the enclosing span
   * (e.g. the HTTP request's).
   */
  Observation startAttempt(BackonAttemptContext context, Observation call) {
    ObservationRegistry registry = Objects.requireNonNull(observationRegistry);
    try (Observation.Scope callScope = call.openScope()) {
      return BackonObservationDocumentation.ATTEMPT
          .observation(
              attemptConvention,
              DefaultBackonAttemptObservationConvention.INSTANCE,
              () -> context,
              registry)
          .parentObservation(call)
          .start();
    }
  }

  /**
   * How the hedged races of the policy named {@code policyName} ended, as its {@code backon.hedges}
   * counters read: each outcome seen at least once, to its count. The counters are this instance's
   * own, so the counts hold also when a meter filter renamed the meter's tags; an outcome whose
   * meter a filter denied is left out. A cumulative registry (Prometheus, simple) counts since the
   * start; a step registry (OTLP delta, Datadog, ...) counts the last step only, and a composite
   * reads its first registry. Empty without a meter registry or before the policy's first hedged
   * race. Thread-safe; allocates the map.
   */
  public Map<HedgeOutcome, Long> hedgeCounts(String policyName) {
    Objects.requireNonNull(policyName, "policyName");
    RetryMeters retryMeters = meters;
    PolicyMeters policyMeters = retryMeters == null ? null : retryMeters.existing(policyName);
    Map<HedgeOutcome, Long> counts = new EnumMap<>(HedgeOutcome.class);
    if (policyMeters != null) {
      for (HedgeOutcome outcome : HedgeOutcome.values()) {
        long count = policyMeters.hedgeCount(outcome);
        if (count > 0) {
          counts.put(outcome, count);
        }
      }
    }
    return counts;
  }

  /**
   * Binds the breakers' meters (state, transitions, not permitted, failure and slow-call rates) to
   * this instance's meter registry; binding a breaker again does nothing.
   *
   * @throws IllegalStateException when this instance has no meter registry
   * @return this
   */
  public BackonMicrometer bindTo(CircuitBreaker... breakers) {
    CircuitBreakerMetrics.of(breakers).bindTo(requireMeterRegistry());
    return this;
  }

  /** Binds every breaker the registry holds now (breakers created later need their own call). */
  public BackonMicrometer bindTo(CircuitBreakerRegistry breakers) {
    CircuitBreakerMetrics.of(breakers).bindTo(requireMeterRegistry());
    return this;
  }

  /**
   * Binds the budgets' meters (tokens, refused) to this instance's meter registry.
   *
   * @throws IllegalStateException when this instance has no meter registry
   * @return this
   */
  public BackonMicrometer bindTo(RetryBudget... budgets) {
    RetryBudgetMetrics.of(budgets).bindTo(requireMeterRegistry());
    return this;
  }

  private MeterRegistry requireMeterRegistry() {
    MeterRegistry registry = meterRegistry;
    if (registry == null) {
      throw new IllegalStateException(
          "this BackonMicrometer has no MeterRegistry to bind meters "
              + "to; create it with BackonMicrometer.of(meterRegistry[, observationRegistry])");
    }
    return registry;
  }

  @Override
  public String toString() {
    return "BackonMicrometer{meters="
        + (meterRegistry != null)
        + ", observations="
        + (observationRegistry != null)
        + '}';
  }
}
