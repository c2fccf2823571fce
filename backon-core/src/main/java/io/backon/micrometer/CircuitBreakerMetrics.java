package io.backon.micrometer;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitBreakerSnapshot;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Binds circuit breakers to a {@link MeterRegistry}, each tagged {@value BackonMeterNames#NAME} =
 * the breaker's name:
 *
 * <ul>
 *   <li>{@code backon.circuitbreaker.state}: a gauge per {@link CircuitState}, tagged {@code state}
 *       ({@code closed}, {@code open}, {@code half_open}, {@code forced_open}, {@code disabled}), 1
 *       for the current state and 0 for the others;
 *   <li>{@code backon.circuitbreaker.transitions}: a counter of state changes, tagged {@code from}
 *       and {@code to};
 *   <li>{@code backon.circuitbreaker.not.permitted}: the calls the breaker rejected (its {@link
 *       CircuitBreakerSnapshot#rejectedCalls()}, which {@code reset()} sets back to 0);
 *   <li>{@code backon.circuitbreaker.failure.rate} and {@code
 *       backon.circuitbreaker.slow.call.rate}: gauges in percent, NaN while the window holds fewer
 *       than {@code minimumCalls} calls (and the slow-call rate while slow calls are not measured).
 * </ul>
 *
 * <p>Gauges and the rejected-calls counter hold the breaker weakly: a breaker that is no longer
 * used can be collected (its gauges then read NaN). The transitions counter is fed by a listener on
 * the breaker, which holds only the registry's counters. Binding the same breaker to the same
 * registry twice does nothing. As a {@link MeterBinder} it can be a Spring bean. Thread-safe.
 */
public final class CircuitBreakerMetrics implements MeterBinder {

  /** Breakers already bound, per registry, so a second binding adds no second listener. */
  private static final Map<CircuitBreaker, Set<MeterRegistry>> BOUND =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final List<CircuitBreaker> breakers;
  private final @Nullable CircuitBreakerRegistry registry;

  private CircuitBreakerMetrics(
      List<CircuitBreaker> breakers, @Nullable CircuitBreakerRegistry registry) {
    this.breakers = breakers;
    this.registry = registry;
  }

  /** Metrics for these breakers. */
  public static CircuitBreakerMetrics of(CircuitBreaker... breakers) {
    return new CircuitBreakerMetrics(List.of(Objects.requireNonNull(breakers, "breakers")), null);
  }

  /**
   * Metrics for the breakers {@code registry} holds when {@link #bindTo} runs; breakers created in
   * it later are not bound (bind them with {@link #of(CircuitBreaker...)}).
   */
  public static CircuitBreakerMetrics of(CircuitBreakerRegistry registry) {
    return new CircuitBreakerMetrics(List.of(), Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void bindTo(MeterRegistry meterRegistry) {
    Objects.requireNonNull(meterRegistry, "meterRegistry");
    Collection<CircuitBreaker> targets = registry != null ? registry.all() : breakers;
    for (CircuitBreaker breaker : targets) {
      if (BOUND
          .computeIfAbsent(breaker, b -> Collections.newSetFromMap(new WeakHashMap<>()))
          .add(meterRegistry)) {
        bind(breaker, meterRegistry);
      }
    }
  }

  private static void bind(CircuitBreaker breaker, MeterRegistry meterRegistry) {
    String name = breaker.name();
    for (CircuitState state : CircuitState.values()) {
      Gauge.builder(
              BackonMeterNames.CIRCUIT_BREAKER_STATE, breaker, b -> b.state() == state ? 1.0 : 0.0)
          .description("1 when the circuit breaker is in this state, else 0")
          .tags(BackonMeterNames.NAME, name, BackonMeterNames.STATE, tagValue(state))
          .register(meterRegistry);
    }
    FunctionCounter.builder(
            BackonMeterNames.CIRCUIT_BREAKER_NOT_PERMITTED,
            breaker,
            b -> b.snapshot().rejectedCalls())
        .description("Calls the circuit breaker rejected")
        .tags(BackonMeterNames.NAME, name)
        .register(meterRegistry);
    rate(
        BackonMeterNames.CIRCUIT_BREAKER_FAILURE_RATE,
        breaker,
        CircuitBreakerSnapshot::failureRate,
        "Failure rate of the circuit breaker's window; NaN before minimumCalls",
        meterRegistry);
    rate(
        BackonMeterNames.CIRCUIT_BREAKER_SLOW_CALL_RATE,
        breaker,
        CircuitBreakerSnapshot::slowCallRate,
        "Slow-call rate of the circuit breaker's window; NaN when not measured",
        meterRegistry);
    breaker.onStateChange(transitions(name, meterRegistry));
  }

  /** A percent gauge reading one rate of the breaker's snapshot. */
  private static void rate(
      String meterName,
      CircuitBreaker breaker,
      ToDoubleFunction<CircuitBreakerSnapshot> rate,
      String description,
      MeterRegistry meterRegistry) {
    Gauge.builder(meterName, breaker, b -> rate.applyAsDouble(b.snapshot()))
        .description(description)
        .baseUnit("percent")
        .tags(BackonMeterNames.NAME, breaker.name())
        .register(meterRegistry);
  }

  /** A listener counting transitions; it references the registry, never the breaker. */
  private static Consumer<CircuitStateTransition> transitions(
      String name, MeterRegistry meterRegistry) {
    Counter.Builder builder =
        Counter.builder(BackonMeterNames.CIRCUIT_BREAKER_TRANSITIONS)
            .description("State changes of the circuit breaker")
            .tag(BackonMeterNames.NAME, name);
    return transition ->
        builder
            .withRegistry(meterRegistry)
            .withTags(
                BackonMeterNames.FROM,
                tagValue(transition.from()),
                BackonMeterNames.TO,
                tagValue(transition.to()))
            .increment();
  }

  /** A state as tag value: {@code half_open}. */
  static String tagValue(CircuitState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
