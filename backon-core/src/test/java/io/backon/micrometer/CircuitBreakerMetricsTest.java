package io.backon.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.testing.FakeClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Circuit-breaker meters: state gauges, transitions, rejected calls, rates, weak references. */
class CircuitBreakerMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final FakeClock clock = new FakeClock();
  private final CircuitBreaker breaker =
      CircuitBreaker.builder("inventory")
          .clock(clock)
          .failureThreshold(2)
          .recoveryTimeout(Duration.ofSeconds(30))
          .build();

  private double state(String state) {
    return registry
        .get("backon.circuitbreaker.state")
        .tags("name", "inventory", "state", state)
        .gauge()
        .value();
  }

  private double transitions(String from, String to) {
    return registry
        .get("backon.circuitbreaker.transitions")
        .tags("name", "inventory", "from", from, "to", to)
        .counter()
        .count();
  }

  private void fail() {
    breaker.tryAcquirePermission();
    breaker.onError(0L, new IOException("down"));
  }

  @Test
  void oneGaugePerStateReadsOneForTheCurrentStateAndZeroForTheOthers() {
    CircuitBreakerMetrics.of(breaker).bindTo(registry);

    assertThat(registry.find("backon.circuitbreaker.state").gauges()).hasSize(5);
    assertThat(state("closed")).isEqualTo(1.0);
    fail();
    fail();
    assertThat(state("closed")).isZero();
    assertThat(state("open")).isEqualTo(1.0);
    assertThat(state("half_open")).isZero();
    assertThat(state("forced_open")).isZero();
    assertThat(state("disabled")).isZero();
  }

  @Test
  void transitionsAreCountedByFromAndTo() {
    CircuitBreakerMetrics.of(breaker).bindTo(registry);

    fail();
    fail();
    clock.advance(Duration.ofSeconds(30));
    breaker.tryAcquirePermission();
    breaker.onSuccess(0L);

    assertThat(transitions("closed", "open")).isEqualTo(1);
    assertThat(transitions("open", "half_open")).isEqualTo(1);
  }

  @Test
  void rejectedCallsAreCountedAsNotPermitted() {
    CircuitBreakerMetrics.of(breaker).bindTo(registry);
    breaker.forceOpen();

    breaker.tryAcquirePermission();
    breaker.tryAcquirePermission();

    assertThat(
            registry
                .get("backon.circuitbreaker.not.permitted")
                .tag("name", "inventory")
                .functionCounter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void theFailureRateGaugeFollowsTheWindow() {
    CircuitBreaker windowed =
        CircuitBreaker.builder("rated")
            .clock(clock)
            .failureRateThreshold(90)
            .countBasedWindow(4)
            .minimumCalls(2)
            .build();
    CircuitBreakerMetrics.of(windowed).bindTo(registry);
    Gauge failureRate =
        registry.get("backon.circuitbreaker.failure.rate").tag("name", "rated").gauge();
    assertThat(failureRate.value()).as("below minimumCalls").isNaN();

    windowed.tryAcquirePermission();
    windowed.onSuccess(0L);
    windowed.tryAcquirePermission();
    windowed.onError(0L, new IOException("down"));

    assertThat(failureRate.value()).isEqualTo(50.0);
    assertThat(
            registry
                .get("backon.circuitbreaker.slow.call.rate")
                .tag("name", "rated")
                .gauge()
                .value())
        .as("slow-call detection is off")
        .isNaN();
  }

  @Test
  void bindingABreakerTwiceCountsEachTransitionOnce() {
    CircuitBreakerMetrics.of(breaker).bindTo(registry);
    BackonMicrometer.of(registry).bindTo(breaker);

    breaker.forceOpen();

    assertThat(transitions("closed", "forced_open")).isEqualTo(1);
  }

  @Test
  void aRegistryBindsTheBreakersItHolds() {
    CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    breakers.breaker("a");
    breakers.breaker("b");

    BackonMicrometer.of(registry).bindTo(breakers);

    assertThat(registry.find("backon.circuitbreaker.state").tag("state", "closed").gauges())
        .extracting(gauge -> gauge.getId().getTag("name"))
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void theMetersDoNotKeepAnUnusedBreakerAlive() {
    WeakReference<CircuitBreaker> reference = bindThrowaway();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              System.gc();
              return reference.get() == null;
            });
    assertThat(registry.get("backon.circuitbreaker.state").tag("name", "throwaway").gauges())
        .allSatisfy(gauge -> assertThat(gauge.value()).isNaN());
  }

  private WeakReference<CircuitBreaker> bindThrowaway() {
    CircuitBreaker throwaway = CircuitBreaker.ofDefaults("throwaway");
    BackonMicrometer.of(registry).bindTo(throwaway);
    return new WeakReference<>(throwaway);
  }
}
