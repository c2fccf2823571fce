package io.backon.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaults, validation messages and config copies. */
class CircuitBreakerBuilderTest {

  @Test
  void defaultsAreTheDocumentedConstants() {
    CircuitBreakerConfig config = CircuitBreaker.ofDefaults("payments").config();

    assertThat(config.failureThreshold())
        .isEqualTo(CircuitBreakerConfig.DEFAULT_FAILURE_THRESHOLD)
        .isEqualTo(5);
    assertThat(config.recoveryTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.maxRecoveryTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.recoveryBackoffMultiplier()).isEqualTo(1.0);
    assertThat(config.halfOpenMaxCalls()).isEqualTo(1);
    assertThat(config.successThreshold()).isEqualTo(1);
    assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.NONE);
    assertThat(config.slidingWindowSize()).isZero();
    assertThat(config.slowCallDuration()).isEmpty();
    assertThat(config.recordOn()).containsExactly(Exception.class);
    assertThat(config.ignoreOn()).isEmpty();
    assertThat(config.recordResult()).isEmpty();
    assertThat(config.clock()).isSameAs(Clock.system());
    assertThat(config).hasToString(CircuitBreakerConfig.defaults().toString());
  }

  @Test
  void aWindowGetsTheDefaultRates() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .timeBasedWindow(Duration.ofMinutes(1))
            .slowCallDuration(Duration.ofSeconds(1))
            .buildConfig();

    assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
    assertThat(config.slidingWindowSize()).isEqualTo(60);
    assertThat(config.minimumCalls()).isEqualTo(CircuitBreakerConfig.DEFAULT_MINIMUM_CALLS);
    assertThat(config.failureRateThreshold()).isEqualTo(50.0);
    assertThat(config.slowCallRateThreshold()).isEqualTo(100.0);
    assertThat(config.failureThreshold()).isZero();
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        invalid(b -> b.failureThreshold(0), "failureThreshold must be >= 1 but was 0"),
        invalid(b -> b.successThreshold(-1), "successThreshold must be >= 1 but was -1"),
        invalid(b -> b.halfOpenMaxCalls(0), "halfOpenMaxCalls must be >= 1 but was 0"),
        invalid(b -> b.minimumCalls(0), "minimumCalls must be >= 1 but was 0"),
        invalid(b -> b.countBasedWindow(0), "countBasedWindow must be >= 1 but was 0"),
        invalid(
            b -> b.timeBasedWindow(Duration.ofMillis(1500)),
            "timeBasedWindow must be whole seconds from 1s to 86400s but was PT1.5S"),
        invalid(
            b -> b.timeBasedWindow(Duration.ZERO),
            "timeBasedWindow must be whole seconds from 1s to 86400s but was PT0S"),
        invalid(
            b -> b.timeBasedWindow(Duration.ofDays(2)),
            "timeBasedWindow must be whole seconds from 1s to 86400s but was PT48H"),
        invalid(b -> b.recoveryTimeout(Duration.ZERO), "recoveryTimeout must be > 0 but was PT0S"),
        invalid(
            b -> b.slowCallDuration(Duration.ofMillis(-1)),
            "slowCallDuration must be > 0 but was PT-0.001S"),
        invalid(
            b -> b.failureRateThreshold(0),
            "failureRateThreshold must be > 0 and <= 100 but was 0.0"),
        invalid(
            b -> b.slowCallRateThreshold(100.5),
            "slowCallRateThreshold must be > 0 and <= 100 but was 100.5"),
        invalid(
            b -> b.slowCallRateThreshold(Double.NaN),
            "slowCallRateThreshold must be > 0 and <= 100 but was NaN"),
        invalid(
            b -> b.recoveryBackoff(0.5, Duration.ofMinutes(1)),
            "multiplier must be >= 1 but was 0.5"),
        invalid(
            b -> b.recoveryBackoff(2, Duration.ZERO),
            "maxRecoveryTimeout must be > 0 but was PT0S"),
        invalid(b -> b.recordOn(), "recordOn needs at least one exception type"),
        invalid(b -> b.ignoreOn(), "ignoreOn needs at least one exception type"));
  }

  private static Arguments invalid(Consumer<CircuitBreakerBuilder> setting, String message) {
    return Arguments.of(message, setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSettings")
  void rejectsAnInvalidSettingNamingItsValueAndRule(
      String message, Consumer<CircuitBreakerBuilder> setting) {
    CircuitBreakerBuilder builder = CircuitBreaker.builder("payments");

    assertThatThrownBy(() -> setting.accept(builder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsABlankName() {
    assertThatThrownBy(() -> CircuitBreaker.builder(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
  }

  @Test
  void rateSettingsNeedASlidingWindow() {
    assertThatThrownBy(() -> CircuitBreaker.builder("payments").minimumCalls(5).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "minimumCalls needs a sliding window; "
                + "call countBasedWindow(calls) or timeBasedWindow(duration)");
    assertThatThrownBy(
            () ->
                CircuitBreaker.builder("payments").slowCallDuration(Duration.ofSeconds(1)).build())
        .hasMessageStartingWith("slowCallDuration needs a sliding window");
  }

  @Test
  void aSlowCallRateNeedsASlowCallDuration() {
    assertThatThrownBy(
            () ->
                CircuitBreaker.builder("payments")
                    .countBasedWindow(10)
                    .slowCallRateThreshold(50)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("slowCallRateThreshold needs slowCallDuration(duration)");
  }

  @Test
  void theMaximumRecoveryTimeoutCannotBeShorterThanTheRecoveryTimeout() {
    assertThatThrownBy(
            () ->
                CircuitBreaker.builder("payments")
                    .recoveryBackoff(2, Duration.ofSeconds(30))
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxRecoveryTimeout must be >= recoveryTimeout (PT1M) but was PT30S");
  }

  @Test
  void aConfigCopiesIntoAnotherBuilderWithoutItsNameOrListeners() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .countBasedWindow(20)
            .minimumCalls(7)
            .failureRateThreshold(30)
            .slowCallDuration(Duration.ofSeconds(2))
            .recoveryBackoff(2, Duration.ofMinutes(5))
            .halfOpenMaxCalls(3)
            .successThreshold(2)
            .recordOn(IOException.class)
            .ignoreOn(IllegalStateException.class)
            .onStateChange(t -> {})
            .buildConfig();

    CircuitBreaker copy = CircuitBreaker.builder("orders").config(config).build();

    assertThat(copy.name()).isEqualTo("orders");
    assertThat(copy.config()).hasToString(config.toString());
    assertThat(CircuitBreaker.builder("x").config(CircuitBreakerConfig.defaults()).buildConfig())
        .hasToString(CircuitBreakerConfig.defaults().toString());
  }

  @Test
  void aConfigShowsEverySetting() {
    Predicate<@Nullable Object> isNull = Objects::isNull;
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .countBasedWindow(20)
            .minimumCalls(7)
            .failureRateThreshold(30)
            .slowCallDuration(Duration.ofSeconds(2))
            .recordOn(IOException.class)
            .ignoreOn(IllegalStateException.class)
            .recordResult(isNull)
            .buildConfig();

    assertThat(config.slowCallDuration()).contains(Duration.ofSeconds(2));
    assertThat(config.ignoreOn()).containsExactly(IllegalStateException.class);
    assertThat(config.recordResult()).containsSame(isNull);
    assertThat(config)
        .hasToString(
            "CircuitBreakerConfig{failureThreshold=0, window=COUNT_BASED(20), minimumCalls=7,"
                + " failureRateThreshold=30.0, slowCallDuration=PT2S, slowCallRateThreshold=100.0,"
                + " recoveryTimeout=PT1M, recoveryBackoffMultiplier=1.0, maxRecoveryTimeout=PT1M,"
                + " halfOpenMaxCalls=1, successThreshold=1, recordOn=[class java.io.IOException],"
                + " ignoreOn=[class java.lang.IllegalStateException], recordResult=true, clock="
                + Clock.system()
                + "}");
  }

  @Test
  void theDefaultConfigShowsNoWindowAndNoResultPredicate() {
    assertThat(CircuitBreakerConfig.defaults())
        .hasToString(
            "CircuitBreakerConfig{failureThreshold=5, window=NONE, minimumCalls=0,"
                + " failureRateThreshold=50.0, slowCallDuration=null, slowCallRateThreshold=100.0,"
                + " recoveryTimeout=PT1M, recoveryBackoffMultiplier=1.0, maxRecoveryTimeout=PT1M,"
                + " halfOpenMaxCalls=1, successThreshold=1, recordOn=[class java.lang.Exception],"
                + " ignoreOn=[], recordResult=false, clock="
                + Clock.system()
                + "}");
  }

  @Test
  void aBreakerShowsItsNameAndState() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("payments");
    breaker.forceOpen();

    assertThat(breaker).hasToString("CircuitBreaker{name=payments, state=FORCED_OPEN}");
  }

  @Test
  void laterBuilderChangesDoNotLeakIntoBuiltBreakers() {
    CircuitBreakerBuilder builder = CircuitBreaker.builder("payments").recordOn(IOException.class);
    CircuitBreaker breaker = builder.build();

    builder.recordOn(RuntimeException.class).failureThreshold(9);

    assertThat(breaker.config().recordOn()).containsExactly(IOException.class);
    assertThat(breaker.config().failureThreshold()).isEqualTo(5);
  }

  @Test
  void configListsAreUnmodifiable() {
    List<Class<? extends Throwable>> recordOn = CircuitBreakerConfig.defaults().recordOn();

    assertThatThrownBy(() -> recordOn.add(Error.class))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aHugeBackoffNeverOverflowsTheOpenTime() {
    CircuitBreakerConfig config =
        CircuitBreaker.builder("payments")
            .recoveryBackoff(1e9, Duration.ofNanos(Long.MAX_VALUE))
            .buildConfig();

    assertThat(config.openNanos(Integer.MAX_VALUE)).isPositive().isEqualTo(Long.MAX_VALUE >> 1);
    assertThat(config.openNanos(1)).isEqualTo(Duration.ofSeconds(60).toNanos());
  }
}
