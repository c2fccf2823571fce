package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values Spring cannot bind to Backon's properties: unknown keys, unknown names, text that is not a
 * number, boolean or duration. Part of the corpus of {@link BadConfigurationCorpusTest}.
 */
class UnboundValuesCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // values that cannot be bound
        bad("a typo in a policy key")
            .given("backon.policies.p.max-trys=3")
            .fails(
                UNKNOWN_PROPERTY,
                "backon.policies.p.max-trys = \"3\"",
                "does not know these keys",
                "correct or remove them"),
        bad("a typo in a section name")
            .given("backon.polices.p.max-tries=3")
            .fails(
                UNKNOWN_PROPERTY,
                "backon.polices.p.max-tries",
                "does not know",
                "correct or remove them"),
        bad("a log level that does not exist")
            .given("backon.policies.p.give-up-log-level=loud")
            .fails(
                INVALID_VALUE,
                "backon.policies.p.give-up-log-level = \"loud\"",
                "one of the Level values",
                "use one of: trace, debug, info, warn, error, off (System.Logger's warning and all work too"),
        bad("a Spring level name misspelled")
            .given("backon.defaults.backoff-log-level=warnn")
            .fails(
                INVALID_VALUE,
                "backon.defaults.backoff-log-level = \"warnn\"",
                "no log level named 'warnn'",
                "use one of: trace, debug, info, warn, error, off"),
        bad("a typo in a breaker default")
            .given("backon.circuit-breaker-defaults.failure-treshold=3")
            .fails(
                UNKNOWN_PROPERTY,
                "backon.circuit-breaker-defaults.failure-treshold",
                "does not know",
                "correct or remove them"),
        bad("max-tries that is not a number")
            .given("backon.policies.p.max-tries=three")
            .fails(
                INVALID_VALUE,
                "backon.policies.p.max-tries = \"three\"",
                "cannot be converted to a whole number",
                "write a whole number."),
        bad("a wait kind that does not exist")
            .given("backon.policies.p.wait=exponential-ish")
            .fails(
                INVALID_VALUE,
                "backon.policies.p.wait = \"exponential-ish\"",
                "one of the WaitKind values",
                "use one of: none, constant, expo, fibo, incrementing, random, random-exponential,"
                    + " exponential-jitter, decay."),
        bad("a jitter that does not exist")
            .given("backon.defaults.jitter=partial")
            .fails(
                INVALID_VALUE,
                "backon.defaults.jitter = \"partial\"",
                "one of the JitterKind values",
                "use one of: none, full, equal, random, decorrelated."),
        bad("a global switch that is not a boolean")
            .given("backon.enabled=maybe")
            .fails(
                INVALID_VALUE,
                "backon.enabled = \"maybe\"",
                "true or false",
                "write true or false."),
        bad("a delay that is not a duration")
            .given("backon.policies.p.delay=5 parsecs")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.delay = \"5 parsecs\"",
                "cannot be converted to a duration",
                "write a duration such as 500ms"));
  }
}
