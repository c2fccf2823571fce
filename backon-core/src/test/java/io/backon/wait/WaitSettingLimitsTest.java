package io.backon.wait;

import static io.backon.testfixtures.DurationLimits.JUST_TOO_LONG;
import static io.backon.testfixtures.DurationLimits.THREE_CENTURIES;
import static io.backon.testfixtures.DurationLimits.tooLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every duration a wait or jitter factory takes must fit in a {@code long} of nanoseconds: a longer
 * one is rejected naming the parameter and the value, and {@link Wait#DEFAULT_MAX} is accepted.
 */
class WaitSettingLimitsTest {

  private static final Duration ONE = Duration.ofSeconds(1);
  private static final Duration MAX = Wait.DEFAULT_MAX;

  static Stream<Arguments> durationParameters() {
    return Stream.of(
        parameter("expo", "factor", d -> Wait.expo(d, MAX)),
        parameter("expo", "max", d -> Wait.expo(ONE, d)),
        parameter(
            "randomExponential",
            "multiplier",
            d -> Wait.randomExponential(d, MAX, 2, Duration.ZERO)),
        parameter(
            "randomExponential", "max", d -> Wait.randomExponential(ONE, d, 2, Duration.ZERO)),
        parameter("randomExponential", "min", d -> Wait.randomExponential(ONE, MAX, 2, d)),
        parameter("exponentialJitter", "initial", d -> Wait.exponentialJitter(d, MAX, 2, ONE)),
        parameter("exponentialJitter", "max", d -> Wait.exponentialJitter(ONE, d, 2, ONE)),
        parameter("exponentialJitter", "jitter", d -> Wait.exponentialJitter(ONE, MAX, 2, d)),
        parameter("constant", "interval", Wait::constant),
        parameter("constant", "first", d -> Wait.constant(d, ONE)),
        parameter("constant", "more[1]", d -> Wait.constant(ONE, ONE, d)),
        parameter("incrementing", "start", d -> Wait.incrementing(d, ONE, MAX)),
        parameter("incrementing", "increment", d -> Wait.incrementing(ONE, d, MAX)),
        parameter("incrementing", "max", d -> Wait.incrementing(ONE, ONE, d)),
        parameter("fibo", "unit", d -> Wait.fibo(d, MAX)),
        parameter("fibo", "max", Wait::fibo),
        parameter("decay", "initial", d -> Wait.decay(d, 0.5, Duration.ZERO)),
        parameter("decay", "min", d -> Wait.decay(MAX, 0.5, d)),
        parameter("random", "min", d -> Wait.random(d, MAX)),
        parameter("random", "max", d -> Wait.random(ONE, d)),
        parameter("Jitter.random", "max", Jitter::random),
        parameter("Jitter.decorrelated", "cap", Jitter::decorrelated));
  }

  private static Arguments parameter(String factory, String name, Function<Duration, ?> call) {
    return Arguments.of(Named.of(factory + "(" + name + ")", call), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durationParameters")
  void aDurationLongerThan292YearsIsRejectedNamingTheParameterAndTheValue(
      Function<Duration, ?> factory, String name) {
    assertThatThrownBy(() -> factory.apply(THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, THREE_CENTURIES));
    assertThatThrownBy(() -> factory.apply(JUST_TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong(name, JUST_TOO_LONG));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durationParameters")
  void theLongestDurationIsAccepted(Function<Duration, ?> factory, String name) {
    assertThat(factory.apply(MAX)).as(name).isNotNull();
  }
}
