package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.spring.boot.autoconfigure.MigratedAnnotations.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes a user migrating from Spring Retry or Resilience4j makes when rewriting annotations as
 * {@code @Backon}: each stops the startup naming the code, the attribute and the fix. Part of the
 * corpus of {@link BadConfigurationCorpusTest}.
 */
class MigrationMistakesCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        bad("a Spring Retry @Recover signature, the exception first")
            .withBean(RecoverWithTheExceptionFirst.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on RecoverWithTheExceptionFirst.charge(String)",
                "found String recover(IOException, String)",
                "declare it as String recover(String) or String recover(String, Throwable failure)"),
        bad("a Resilience4j fallback without the method's parameters")
            .withBean(FallbackWithOnlyTheException.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on FallbackWithOnlyTheException.charge(String)",
                "found String fallback(Throwable)",
                "declare it as String fallback(String) or String fallback(String, Throwable failure)"),
        bad("a fallback returning a list of another element type")
            .withBean(FallbackOfAnotherElementType.class)
            .fails(
                FALLBACK_SIGNATURE,
                "@Backon(fallback) on FallbackOfAnotherElementType.names()",
                "found List<Integer> ids()",
                "declare it as List<String> ids() or List<String> ids(Throwable failure)"),
        bad("a negative maxTries")
            .withBean(NegativeMaxTries.class)
            .fails(
                OUT_OF_RANGE,
                "@Backon(maxTries) on NegativeMaxTries.call()",
                "the value -2 is not allowed (maxTries must be >= 1 but was -2)",
                "change @Backon(maxTries) on NegativeMaxTries.call() to a value that satisfies"),
        bad("zero hedges meant as no hedging")
            .given("backon.max-hedges-includes-first=true")
            .withBean(ZeroHedges.class)
            .fails(
                OUT_OF_RANGE,
                "@Backon(hedges) on ZeroHedges.call()",
                "maxHedges must be >= 1 but was 0; 1 turns hedging off",
                "change @Backon(hedges) on ZeroHedges.call()"),
        bad("Spring's @Retryable left beside @Backon")
            .withBean(RetryableLeftBeside.class)
            .fails(
                DOUBLE_RETRY,
                "@Backon on RetryableLeftBeside.call()",
                "Spring Framework's @Retryable on the method retries the call as well",
                "remove Spring Framework's @Retryable (Backon's policy replaces it)"),
        bad("a class-level @Retryable over a @Backon method")
            .withBean(RetryableOnTheClass.class)
            .fails(
                DOUBLE_RETRY,
                "@Backon on RetryableOnTheClass.call()",
                "Spring Framework's @Retryable on its class RetryableOnTheClass retries the call",
                "remove Spring Framework's @Retryable"),
        bad("a misspelled policy name")
            .given("backon.policies.payments.max-tries=5")
            .withBean(MisspelledPolicy.class)
            .fails(
                UNKNOWN_POLICY,
                "@Backon(value) on MisspelledPolicy.call()",
                "no retry policy named 'payment' (known: [",
                "define backon.policies.payment or a RetryPolicy bean named 'payment'"));
  }
}
