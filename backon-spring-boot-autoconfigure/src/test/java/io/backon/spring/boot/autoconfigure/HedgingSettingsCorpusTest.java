package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hedging settings of policies and defaults, including hedge counts whose meaning changed. Part of
 * the corpus of {@link BadConfigurationCorpusTest}.
 */
class HedgingSettingsCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        bad("a hedge delay without max-hedges")
            .given("backon.policies.p.hedging.delay=50ms")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.hedging.delay",
                "max-hedges is not, so hedging stays off",
                "set backon.policies.p.hedging.max-hedges"),
        bad("both a fixed and a percentile hedge delay")
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.p.hedging.max-hedges=2",
                "backon.policies.p.hedging.delay=50ms",
                "backon.policies.p.hedging.delay-percentile=95")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.hedging.delay-percentile",
                "both a fixed hedge delay and a percentile delay are set",
                "keep only one of backon.policies.p.hedging.delay and backon.policies.p.hedging.delay-percentile"),
        bad("a negative hedge delay")
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.p.hedging.max-hedges=2",
                "backon.policies.p.hedging.delay=-1s")
            .fails(
                INVALID_DURATION,
                "backon.policies.p.hedging.delay",
                "hedgeDelay must be >= 0 but was PT-1S",
                "change backon.policies.p.hedging.delay"),
        bad("a hedge delay percentile of 150")
            .given(
                "backon.max-hedges-includes-first=true",
                "backon.policies.p.hedging.max-hedges=2",
                "backon.policies.p.hedging.delay-percentile=150")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.hedging.delay-percentile",
                "must be > 0 and <= 100 but was 150.0",
                "change backon.policies.p.hedging.delay-percentile"),
        bad("max-hedges 0, now that 1 turns hedging off")
            .given(
                "backon.max-hedges-includes-first=true", "backon.policies.p.hedging.max-hedges=0")
            .fails(
                OUT_OF_RANGE,
                "backon.policies.p.hedging.max-hedges",
                "maxHedges must be >= 1 but was 0; 1 turns hedging off",
                "change backon.policies.p.hedging.max-hedges"),
        bad("a hedge count whose meaning changed, not yet confirmed")
            .given(
                "backon.policies.p.hedging.max-hedges=1", "backon.policies.q.hedging.max-hedges=3")
            .fails(
                HEDGE_COUNT_CHANGED,
                "backon.policies.p.hedging.max-hedges",
                "hedge counts now include the first copy, as HedgingPolicy.maxHedges does (1 = no hedging, "
                    + "2 = the first copy and one hedge); they used to count only the extra copies. The value 1 "
                    + "allowed 2 copies in flight and now turns hedging off. "
                    + "Also set: backon.policies.q.hedging.max-hedges (3, write 4).",
                "to keep the old behaviour write 2 at backon.policies.p.hedging.max-hedges and at the places "
                    + "listed (or keep a value that means what you want now), then set "
                    + "backon.max-hedges-includes-first=true to confirm that every hedge count includes the first copy."),
        bad("an old hedging-off count, not yet confirmed")
            .given("backon.defaults.hedging.max-hedges=0")
            .fails(
                HEDGE_COUNT_CHANGED,
                "backon.defaults.hedging.max-hedges",
                "The value 0 turned hedging off and now is not allowed (1 turns hedging off).",
                "to keep the old behaviour write 1 at backon.defaults.hedging.max-hedges (or keep"));
  }
}
