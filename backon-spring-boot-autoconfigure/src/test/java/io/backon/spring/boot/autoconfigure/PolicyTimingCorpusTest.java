package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy settings about tries and time: max-tries, delays, deadlines, max-time, attempt timeouts,
 * wait parameters and jitter. Part of the corpus of {@link BadConfigurationCorpusTest}.
 */
class PolicyTimingCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // policies
        bad("max-tries 0")
            .given("backon.policies.p.max-tries=0")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.max-tries",
                "maxTries must be >= 1 but was 0",
                "change backon.policies.p.max-tries"),
        bad("a negative delay")
            .given("backon.policies.p.wait=constant", "backon.policies.p.delay=-1s")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.delay",
                "the value -1s is not allowed (interval must be >= 0 but was PT-1S)",
                "change backon.policies.p.delay to a value that satisfies that rule"),
        bad("a zero deadline")
            .given("backon.policies.p.deadline=0s")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.deadline",
                "deadline must be > 0 but was PT0S",
                "change backon.policies.p.deadline"),
        bad("a negative deadline in the defaults")
            .given("backon.defaults.deadline=-5s")
            .fails(
                INVALID_DURATION,
                "backon.defaults.deadline",
                "deadline must be > 0 but was PT-5S",
                "change backon.defaults.deadline"),
        bad("a zero max-time")
            .given("backon.policies.p.max-time=0ms")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.max-time",
                "maxTime must be > 0 but was PT0S",
                "change backon.policies.p.max-time"),
        bad("an attempt timeout not shorter than the deadline")
            .given("backon.policies.p.attempt-timeout=2s", "backon.policies.p.deadline=2s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.attempt-timeout",
                "is not shorter than the deadline",
                "make backon.policies.p.attempt-timeout shorter than backon.policies.p.deadline"),
        bad("a multiplier on a constant wait")
            .given("backon.policies.p.wait=constant", "backon.policies.p.multiplier=2")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.multiplier",
                "the wait strategy 'constant' does not use multiplier",
                "remove backon.policies.p.multiplier"),
        bad("an increment on an expo wait")
            .given("backon.policies.p.wait=expo", "backon.policies.p.increment=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.increment",
                "'expo' does not use increment",
                "remove backon.policies.p.increment"),
        bad("a delay on a random wait")
            .given("backon.policies.p.wait=random", "backon.policies.p.delay=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.delay",
                "'random' does not use delay",
                "choose a wait strategy that uses it"),
        bad("a delay on wait none")
            .given("backon.policies.p.wait=none", "backon.policies.p.delay=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.delay",
                "'none' does not use delay",
                "remove backon.policies.p.delay"),
        bad("an expo wait that shrinks")
            .given("backon.policies.p.multiplier=0.5")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.multiplier",
                "the value 0.5 is not allowed (base must be > 1",
                "change backon.policies.p.multiplier"),
        bad("a random wait whose minimum exceeds its maximum")
            .given(
                "backon.policies.p.wait=random",
                "backon.policies.p.min-delay=5s",
                "backon.policies.p.max-delay=1s")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.max-delay",
                "max must be >= min (PT5S) but was PT1S",
                "change backon.policies.p.max-delay"),
        bad("an expo delay above its max-delay")
            .given(
                "backon.policies.p.wait=expo",
                "backon.policies.p.delay=5s",
                "backon.policies.p.max-delay=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.delay",
                "the first wait 5s is above the cap backon.policies.p.max-delay of 1s, so every wait of 'expo' is the cap",
                "make backon.policies.p.delay at most 1s, or raise backon.policies.p.max-delay"),
        bad("an exponential-jitter delay above the default max-delay")
            .given("backon.policies.p.wait=exponential-jitter", "backon.policies.p.delay=2m")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.delay",
                "is above the cap max-delay (default 1m)",
                "make backon.policies.p.delay at most 1m, or raise max-delay"),
        bad("a deadline shorter than the first wait")
            .given(
                "backon.policies.p.wait=constant",
                "backon.policies.p.delay=2s",
                "backon.policies.p.jitter=none",
                "backon.policies.p.deadline=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.deadline",
                "the deadline 1s is not longer than the shortest possible first wait 2s",
                "make backon.policies.p.deadline longer than 2s, or shorten backon.policies.p.delay"),
        bad("a deadline shorter than the first wait after equal jitter")
            .given(
                "backon.defaults.wait=constant",
                "backon.defaults.delay=4s",
                "backon.policies.p.jitter=equal",
                "backon.policies.p.deadline=2s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.deadline",
                "is not longer than the shortest possible first wait 2s",
                "or shorten backon.defaults.delay (or choose a jitter that can wait less, such as full, with"
                    + " backon.policies.p.jitter)"),
        bad("an annotation deadline shorter than its policy's first wait")
            .withBean(DeadlineShorterThanFirstWait.class)
            .given(
                "backon.policies.slow.wait=constant",
                "backon.policies.slow.delay=5s",
                "backon.policies.slow.jitter=none")
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(deadline) on DeadlineShorterThanFirstWait.call()",
                "the deadline 1s is not longer than the shortest possible first wait 5s",
                "shorten backon.policies.slow.delay"),
        bad("decorrelated jitter without max-delay")
            .given("backon.policies.p.jitter=decorrelated")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.jitter",
                "decorrelated jitter needs a cap",
                "set backon.policies.p.max-delay"),
        bad("jitter-max with full jitter")
            .given("backon.policies.p.jitter=full", "backon.policies.p.jitter-max=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.jitter-max",
                "the jitter 'full' does not use jitter-max",
                "remove backon.policies.p.jitter-max"),
        bad("jitter-max without any jitter kind")
            .given("backon.policies.p.jitter-max=1s")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.jitter-max",
                "'full (the default)' does not use jitter-max",
                "remove backon.policies.p.jitter-max"));
  }
}
