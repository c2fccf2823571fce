package io.backon;

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
 * The time limits of a policy fit in a {@code long} of nanoseconds: longer ones fail in the setter,
 * naming the parameter and the value, never later with an {@link ArithmeticException}.
 */
class RetryPolicyDurationLimitsTest {

  static Stream<Arguments> timeLimits() {
    return Stream.of(
        limit("maxTime", RetryPolicyBuilder::maxTime),
        limit("attemptTimeout", RetryPolicyBuilder::attemptTimeout),
        limit("deadline", RetryPolicyBuilder::deadline));
  }

  private static Arguments limit(String name, BiConsumer<RetryPolicyBuilder, Duration> setter) {
    return Arguments.of(name, Named.of(name, setter));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeLimits")
  void aLimitOfThreeCenturiesIsRejectedNamingTheParameterAndTheValue(
      String name, BiConsumer<RetryPolicyBuilder, Duration> setter) {
    assertThatThrownBy(() -> setter.accept(RetryPolicy.builder(), THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, THREE_CENTURIES))
        .hasMessageContaining("PT2628000H");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timeLimits")
  void oneNanosecondOverTheLongestIsRejected(
      String name, BiConsumer<RetryPolicyBuilder, Duration> setter) {
    assertThatThrownBy(() -> setter.accept(RetryPolicy.builder(), JUST_TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, JUST_TOO_LONG));
  }

  @Test
  void theLongestLimitsBuildAPolicyThatHoldsThemInNanoseconds() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxTime(LONGEST)
            .attemptTimeout(LONGEST.minusNanos(1))
            .deadline(LONGEST)
            .build();

    assertThat(policy.maxTimeNanos()).isEqualTo(Long.MAX_VALUE);
    assertThat(policy.attemptTimeoutNanos()).isEqualTo(Long.MAX_VALUE - 1);
    assertThat(policy.deadlineNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aZeroMaxTimeIsRejectedByTheSameRule() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTime must be > 0 but was PT0S");
  }

  @Test
  void theAiomiscFacesCheckTheirPauseAndLimitsUnderTheirOwnNames() {
    assertThatThrownBy(() -> Retries.asyncBackoff(null, null, THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("pause", THREE_CENTURIES));
    assertThatThrownBy(() -> Retries.asyncBackoff(THREE_CENTURIES, null, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("attemptTimeout", THREE_CENTURIES));
    assertThatThrownBy(() -> Retries.asyncBackoff(null, THREE_CENTURIES, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("deadline", THREE_CENTURIES));
  }
}
