package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.INVALID_DURATION;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.OUT_OF_RANGE;

import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.CenturiesLongDeadline;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The part of {@link BadConfigurationCorpusTest}'s corpus about the core's upper bounds: durations
 * beyond {@code Long.MAX_VALUE} nanoseconds (about 292 years) and sizes too large to allocate. The
 * core builder or factory rejects each; the report names the property that set it and quotes the
 * core's message.
 */
class SettingLimitsCorpusTest {

  /** 110000 days, about 301 years, as {@link java.time.Duration#toString()} writes it. */
  private static final String CENTURIES = "PT2640000H";

  /** The core's rule for every duration, as its messages state it. */
  private static final String AT_MOST =
      " must be <= PT2562047H47M16.854775807S (Long.MAX_VALUE nanoseconds, about 292 years)"
          + " but was "
          + CENTURIES;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // policies
        bad("a max-time longer than 292 years")
            .given("backon.policies.p.max-time=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.max-time",
                "the value 2640000h is not allowed (maxTime" + AT_MOST + ")",
                "change backon.policies.p.max-time to a value that satisfies that rule"),
        bad("an attempt timeout longer than 292 years")
            .given("backon.policies.p.attempt-timeout=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.attempt-timeout",
                "attemptTimeout" + AT_MOST,
                "change backon.policies.p.attempt-timeout"),
        bad("a deadline longer than 292 years in the defaults")
            .given("backon.defaults.deadline=110000d")
            .fails(
                INVALID_DURATION,
                "backon.defaults.deadline",
                "deadline" + AT_MOST,
                "change backon.defaults.deadline"),
        bad("an annotation deadline longer than 292 years")
            .withBean(CenturiesLongDeadline.class)
            .fails(
                INVALID_DURATION,
                "@Backon(deadline) on CenturiesLongDeadline.call()",
                "deadline" + AT_MOST,
                "change @Backon(deadline) on CenturiesLongDeadline.call()"),
        // waits and jitters: the core names its own parameter, the report the property
        bad("an expo max-delay longer than 292 years")
            .given("backon.policies.p.max-delay=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.max-delay",
                "max" + AT_MOST,
                "change backon.policies.p.max-delay"),
        bad("a constant delay longer than 292 years")
            .given("backon.policies.p.wait=constant", "backon.policies.p.delay=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.delay",
                "interval" + AT_MOST,
                "change backon.policies.p.delay"),
        bad("a random jitter-max longer than 292 years")
            .given("backon.policies.p.jitter=random", "backon.policies.p.jitter-max=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.jitter-max",
                "max" + AT_MOST,
                "change backon.policies.p.jitter-max"),
        bad("a decorrelated jitter cap longer than 292 years")
            .given(
                "backon.policies.p.wait=constant",
                "backon.policies.p.jitter=decorrelated",
                "backon.policies.p.max-delay=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.max-delay",
                "cap" + AT_MOST,
                "change backon.policies.p.max-delay"),
        bad("a wait that rejects a default the user did not set")
            .given("backon.policies.p.wait=random", "backon.policies.p.min-delay=5s")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.wait",
                "the wait strategy 'random' rejects its parameters "
                    + "(max must be >= min (PT5S) but was PT1S)",
                "change delay, max-delay, min-delay, multiplier or increment next to "
                    + "backon.policies.p.wait"),
        // hedging
        bad("a hedge delay longer than 292 years")
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.p.hedging.max-hedges=2",
                "backon.policies.p.hedging.delay=110000d")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.hedging.delay",
                "hedgeDelay" + AT_MOST,
                "change backon.policies.p.hedging.delay"),
        bad("more hedges than the core allows")
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.p.hedging.max-hedges=2147483647")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.hedging.max-hedges",
                "the value 2147483647 is not allowed (maxHedges must be <= 100 but was 2147483647)",
                "change backon.policies.p.hedging.max-hedges"),
        // circuit breakers
        bad("a recovery timeout longer than 292 years")
            .given("backon.circuit-breakers.cb.recovery-timeout=110000d")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breakers.cb.recovery-timeout",
                "recoveryTimeout" + AT_MOST,
                "change backon.circuit-breakers.cb.recovery-timeout"),
        bad("a max recovery timeout longer than 292 years")
            .given(
                "backon.circuit-breakers.cb.recovery-backoff-multiplier=2",
                "backon.circuit-breakers.cb.max-recovery-timeout=110000d")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breakers.cb.max-recovery-timeout",
                "maxRecoveryTimeout" + AT_MOST,
                "change backon.circuit-breakers.cb.max-recovery-timeout"),
        bad("a slow-call duration longer than 292 years")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=count-based",
                "backon.circuit-breakers.cb.window-size=10",
                "backon.circuit-breakers.cb.slow-call-duration=110000d")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breakers.cb.slow-call-duration",
                "slowCallDuration" + AT_MOST,
                "change backon.circuit-breakers.cb.slow-call-duration"),
        bad("a count-based window too large to allocate")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=count-based",
                "backon.circuit-breakers.cb.window-size=2147483647")
            .fails(
                OUT_OF_RANGE,
                "backon.circuit-breakers.cb.window-size",
                "countBasedWindow must be <= 1000000 but was 2147483647",
                "change backon.circuit-breakers.cb.window-size"),
        bad("a time-based window of 300 years")
            .given(
                "backon.circuit-breakers.cb.sliding-window-type=time-based",
                "backon.circuit-breakers.cb.window-duration=110000d")
            .fails(
                INVALID_DURATION,
                "backon.circuit-breakers.cb.window-duration",
                "timeBasedWindow must be whole seconds from 1s to 86400s but was " + CENTURIES,
                "change backon.circuit-breakers.cb.window-duration"));
  }
}
