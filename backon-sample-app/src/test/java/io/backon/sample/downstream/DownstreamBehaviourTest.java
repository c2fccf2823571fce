package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DownstreamBehaviourTest {

  @Test
  void theDefaultsAreHealthy() {
    DownstreamBehaviour healthy = DownstreamBehaviour.HEALTHY;

    assertThat(healthy.failureRate()).isZero();
    assertThat(healthy.failureStatus()).isEqualTo(503);
    assertThat(healthy.retryAfter()).isNull();
    assertThat(healthy.latency()).isEqualTo(Duration.ZERO);
    assertThat(healthy.longTailRate()).isZero();
    assertThat(healthy.longTailLatency()).isEqualTo(Duration.ofSeconds(2));
    assertThat(healthy.outage()).isFalse();
    assertThat(healthy.resetRate()).isZero();
    assertThat(healthy.failFirst()).isZero();
    assertThat(healthy.seed()).isZero();
  }

  @Test
  void throttledMeans429WithRetryAfter() {
    DownstreamBehaviour throttled =
        DownstreamBehaviour.builder().throttled(Duration.ofSeconds(5)).build();

    assertThat(throttled.failureStatus()).isEqualTo(429);
    assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void toBuilderCopiesEveryValue() {
    DownstreamBehaviour behaviour =
        DownstreamBehaviour.builder()
            .failureRate(0.1)
            .failureStatus(500)
            .retryAfter(Duration.ofSeconds(1))
            .latency(Duration.ofMillis(3))
            .longTailRate(0.2)
            .longTailLatency(Duration.ofMillis(40))
            .outage(true)
            .resetRate(0.3)
            .failFirst(4)
            .seed(-8)
            .build();

    assertThat(behaviour.toBuilder().build()).isEqualTo(behaviour);
  }

  @Test
  void ratesMustBeBetweenZeroAndOne() {
    assertThatThrownBy(() -> DownstreamBehaviour.builder().failureRate(1.5).build())
        .hasMessage("failureRate must be between 0.0 and 1.0 but was 1.5");
    assertThatThrownBy(() -> DownstreamBehaviour.builder().longTailRate(-0.1).build())
        .hasMessage("longTailRate must be between 0.0 and 1.0 but was -0.1");
    assertThatThrownBy(() -> DownstreamBehaviour.builder().resetRate(Double.NaN).build())
        .hasMessage("resetRate must be between 0.0 and 1.0 but was NaN");
  }

  @Test
  void theFailureStatusMustBeAClientOrServerError() {
    assertThatThrownBy(() -> DownstreamBehaviour.builder().failureStatus(200).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failureStatus must be between 400 and 599 but was 200");
  }

  @Test
  void latenciesMustBeBetweenZeroAndTenMinutes() {
    assertThatThrownBy(() -> DownstreamBehaviour.builder().latency(Duration.ofMillis(-1)).build())
        .hasMessage("latency must be between 0 and 600000 ms but was -1 ms");
    assertThatThrownBy(
            () -> DownstreamBehaviour.builder().longTailLatency(Duration.ofMinutes(11)).build())
        .hasMessage("longTailLatency must be between 0 and 600000 ms but was 660000 ms");
  }

  @Test
  void retryAfterMustBeWholeSeconds() {
    assertThatThrownBy(
            () -> DownstreamBehaviour.builder().retryAfter(Duration.ofMillis(1500)).build())
        .hasMessage("retryAfter must be a whole number of seconds but was 1500 ms");
  }

  @Test
  void failFirstMustNotBeNegative() {
    assertThatThrownBy(() -> DownstreamBehaviour.builder().failFirst(-1).build())
        .hasMessage("failFirst must be >= 0 but was -1");
  }
}
