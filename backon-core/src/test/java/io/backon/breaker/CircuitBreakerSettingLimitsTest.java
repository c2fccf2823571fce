package io.backon.breaker;

import static io.backon.testfixtures.DurationLimits.JUST_TOO_LONG;
import static io.backon.testfixtures.DurationLimits.LONGEST;
import static io.backon.testfixtures.DurationLimits.THREE_CENTURIES;
import static io.backon.testfixtures.DurationLimits.tooLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sizes and durations of a breaker have upper bounds too: a huge window is rejected before it is
 * allocated, a duration beyond {@code Long.MAX_VALUE} nanoseconds before it can overflow.
 */
class CircuitBreakerSettingLimitsTest {

  @Test
  void aCountWindowOfIntegerMaxValueIsRejectedInsteadOfAllocatingGigabytes() {
    assertThatThrownBy(() -> CircuitBreaker.builder("payments").countBasedWindow(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("countBasedWindow must be <= 1000000 but was 2147483647");
    assertThatThrownBy(
            () ->
                CircuitBreaker.builder("payments")
                    .countBasedWindow(CircuitBreakerConfig.MAX_COUNT_WINDOW_CALLS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("countBasedWindow must be <= 1000000 but was 1000001");
  }

  @Test
  void theLargestCountWindowJudgesItsCalls() {
    CircuitBreaker breaker =
        CircuitBreaker.builder("payments")
            .countBasedWindow(CircuitBreakerConfig.MAX_COUNT_WINDOW_CALLS)
            .minimumCalls(2)
            .build();

    for (int i = 0; i < 2; i++) {
      assertThat(breaker.tryAcquirePermission()).isTrue();
      breaker.onError(0, new IllegalStateException("down"));
    }

    assertThat(breaker.config().slidingWindowSize()).isEqualTo(1_000_000);
    assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
  }

  @Test
  void aTimeWindowOfThreeCenturiesIsRejectedByTheWholeSecondsRule() {
    assertThatThrownBy(() -> CircuitBreaker.builder("payments").timeBasedWindow(THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeBasedWindow must be whole seconds from 1s to 86400s but was PT2628000H");
  }

  @Test
  void theShortestTimeWindowIsOneSecond() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments").timeBasedWindow(Duration.ofSeconds(1)).buildConfig();

    assertThat(config.slidingWindowSize()).isEqualTo(1);
  }

  @Test
  void aRecoveryBackoffMultiplierOfOneKeepsEveryOpenTimeAtTheRecoveryTimeout() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .recoveryBackoff(1.0, Duration.ofMinutes(5))
            .buildConfig();

    assertThat(config.recoveryBackoffMultiplier()).isEqualTo(1.0);
    assertThat(config.openNanos(3)).isEqualTo(Duration.ofMinutes(1).toNanos());
  }

  @Test
  void aMaximumRecoveryTimeoutEqualToTheRecoveryTimeoutIsAccepted() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .recoveryTimeout(Duration.ofSeconds(30))
            .recoveryBackoff(2, Duration.ofSeconds(30))
            .buildConfig();

    assertThat(config.maxRecoveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.openNanos(2))
        .as("capped at once")
        .isEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void theFirstTripStaysOpenForExactlyTheRecoveryTimeoutEvenWithABackoff() {
    Duration notExactAsADouble = Duration.ofNanos((1L << 53) + 1); // about 104 days
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .recoveryTimeout(notExactAsADouble)
            .recoveryBackoff(2, notExactAsADouble.multipliedBy(4))
            .buildConfig();

    assertThat(config.openNanos(1)).isEqualTo(notExactAsADouble.toNanos());
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        duration("slowCallDuration", CircuitBreakerBuilder::slowCallDuration),
        duration("recoveryTimeout", CircuitBreakerBuilder::recoveryTimeout),
        duration("maxRecoveryTimeout", (b, d) -> b.recoveryBackoff(2.0, d)));
  }

  private static Arguments duration(
      String name, BiConsumer<CircuitBreakerBuilder, Duration> setter) {
    return Arguments.of(name, Named.of(name, setter));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void aDurationLongerThan292YearsIsRejectedNamingTheParameterAndTheValue(
      String name, BiConsumer<CircuitBreakerBuilder, Duration> setter) {
    assertThatThrownBy(() -> setter.accept(CircuitBreaker.builder("payments"), THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, THREE_CENTURIES));
    assertThatThrownBy(() -> setter.accept(CircuitBreaker.builder("payments"), JUST_TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, JUST_TOO_LONG));
  }

  @Test
  void theLongestRecoveryTimeoutIsAcceptedAndItsOpenTimeCapped() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .recoveryTimeout(LONGEST)
            .slowCallDuration(LONGEST)
            .countBasedWindow(10)
            .buildConfig();

    assertThat(config.recoveryTimeout()).isEqualTo(LONGEST);
    assertThat(config.openNanos(1)).isEqualTo(Long.MAX_VALUE >> 1);
  }
}
