package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Circuit breaker and retry budget settings. Part of the corpus of {@link
 * BadConfigurationCorpusTest}.
 */
class BreakersAndBudgetsCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // circuit breakers and budgets
        bad("a count-based window without a size")
            .given("backon.circuit-breakers.cb.sliding-window-type=count-based")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.window-size",
                "sliding-window-type is count-based but window-size is not set",
                "set backon.circuit-breakers.cb.window-size (for example 100)"),
        bad("a time-based window without a duration")
            .given("backon.circuit-breakers.cb.sliding-window-type=time-based")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.window-duration",
                "sliding-window-type is time-based but window-duration is not set",
                "set backon.circuit-breakers.cb.window-duration (for example 60s)"),
        bad("a time-based window of a fraction of a second")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=time-based",
                "backon.circuit-breakers.cb.window-duration=1500ms")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breakers.cb.window-duration",
                "must be whole seconds",
                "change backon.circuit-breakers.cb.window-duration"),
        bad("a recovery backoff multiplier below 1")
            .given("backon.circuit-breakers.cb.recovery-backoff-multiplier=0.5")
            .fails(
                OUT_OF_RANGE,
                "backon.circuit-breakers.cb.recovery-backoff-multiplier",
                "the value 0.5 is not allowed (multiplier must be >= 1 but was 0.5)",
                "change backon.circuit-breakers.cb.recovery-backoff-multiplier"),
        bad("a recovery backoff multiplier without a max recovery timeout")
            .given("backon.circuit-breakers.cb.recovery-backoff-multiplier=2")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.recovery-backoff-multiplier",
                "max-recovery-timeout is not set, so the open time never grows past recovery-timeout (1m)",
                "set backon.circuit-breakers.cb.max-recovery-timeout (for example 10m), or remove "
                    + "backon.circuit-breakers.cb.recovery-backoff-multiplier"),
        bad("a max recovery timeout below the recovery timeout")
            .given(
                "backon.circuit-breakers.cb.recovery-timeout=60s",
                "backon.circuit-breakers.cb.max-recovery-timeout=10s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.max-recovery-timeout",
                "backon.circuit-breakers.cb.max-recovery-timeout must be >= backon.circuit-breakers.cb.recovery-timeout",
                "change backon.circuit-breakers.cb.max-recovery-timeout or backon.circuit-breakers.cb.recovery-timeout"),
        bad("a breaker that records a class that is not an exception")
            .given("backon.circuit-breakers.cb.record-on=java.lang.String")
            .fails(
                NOT_A_THROWABLE,
                "backon.circuit-breakers.cb.record-on",
                "'java.lang.String' is not an exception",
                "list only exception classes"),
        bad("a breaker that ignores a class that is not an exception")
            .given("backon.circuit-breakers.cb.ignore-on[0]=java.lang.String")
            .fails(
                NOT_A_THROWABLE,
                "backon.circuit-breakers.cb.ignore-on",
                "'java.lang.String' is not an exception",
                "list only exception classes"),
        bad("breaker defaults that record a class that is not an exception")
            .given("backon.circuit-breaker-defaults.record-on=java.lang.String")
            .fails(
                NOT_A_THROWABLE,
                "backon.circuit-breaker-defaults.record-on",
                "'java.lang.String' is not an exception",
                "list only exception classes"),
        bad("a breaker that records a class that does not exist")
            .given("backon.circuit-breakers.cb.record-on=com.example.NoSuchException")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.circuit-breakers.cb.record-on = \"com.example.NoSuchException\"",
                "the exception class 'com.example.NoSuchException' is not on the class path",
                "use the fully-qualified name of an exception class on the class path"),
        bad("breaker defaults that ignore a class that does not exist")
            .given("backon.circuit-breaker-defaults.ignore-on[0]=com.example.Gone")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.circuit-breaker-defaults.ignore-on[0] = \"com.example.Gone\"",
                "the exception class 'com.example.Gone' is not on the class path",
                "use the fully-qualified name of an exception class on the class path"),
        bad("an empty entry in a breaker's exception list")
            .given("backon.circuit-breakers.cb.ignore-on=java.io.IOException,,java.io.EOFException")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.circuit-breakers.cb.ignore-on",
                "entry 2 of the list is empty",
                "remove the empty entry from backon.circuit-breakers.cb.ignore-on"),
        bad("a failure rate threshold of 150 percent")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=count-based",
                "backon.circuit-breakers.cb.window-size=10",
                "backon.circuit-breakers.cb.failure-rate-threshold=150")
            .fails(
                OUT_OF_RANGE,
                "backon.circuit-breakers.cb.failure-rate-threshold",
                "must be > 0 and <= 100 but was 150",
                "change backon.circuit-breakers.cb.failure-rate-threshold"),
        bad("a slow-call rate threshold without a slow-call duration")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=count-based",
                "backon.circuit-breakers.cb.window-size=10",
                "backon.circuit-breakers.cb.slow-call-rate-threshold=50")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.slow-call-rate-threshold",
                "backon.circuit-breakers.cb.slow-call-rate-threshold is set but backon.circuit-breakers.cb.slow-call-duration,"
                    + " which it needs, is not",
                "set backon.circuit-breakers.cb.slow-call-duration (a duration such as 2s), or remove"
                    + " backon.circuit-breakers.cb.slow-call-rate-threshold"),
        bad("minimum-calls without a window")
            .given("backon.circuit-breakers.cb.minimum-calls=5")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.circuit-breakers.cb.minimum-calls",
                "sliding-window-type is not set (none)",
                "set backon.circuit-breakers.cb.sliding-window-type"),
        bad("a breaker failure threshold of 0")
            .given("backon.circuit-breakers.cb.failure-threshold=0")
            .fails(
                OUT_OF_RANGE,
                "backon.circuit-breakers.cb.failure-threshold",
                "must be >= 1 but was 0",
                "change backon.circuit-breakers.cb.failure-threshold"),
        bad("a negative recovery timeout")
            .given(
                "backon.circuit-breaker-defaults.recovery-timeout=-10s",
                "backon.circuit-breakers.cb.failure-threshold=3")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breaker-defaults.recovery-timeout",
                "recoveryTimeout must be > 0 but was PT-10S",
                "change backon.circuit-breaker-defaults.recovery-timeout"),
        bad("a budget token ratio of 0")
            .given("backon.budgets.shared.token-ratio=0")
            .fails(
                OUT_OF_RANGE,
                "backon.budgets.shared.token-ratio",
                "tokenRatio must be > 0 and <= 1 but was 0.0",
                "change backon.budgets.shared.token-ratio"),
        bad("a budget of 0 tokens")
            .given("backon.budget-defaults.max-tokens=0", "backon.budgets.shared.token-ratio=0.5")
            .fails(
                OUT_OF_RANGE,
                "backon.budget-defaults.max-tokens",
                "maxTokens must be >= 1 but was 0",
                "change backon.budget-defaults.max-tokens"));
  }
}
