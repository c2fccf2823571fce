package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy settings that decide what is retried: exception class lists and retry-if expressions. Part
 * of the corpus of {@link BadConfigurationCorpusTest}.
 */
class PolicyConditionsCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        bad("an exception class that does not exist")
            .given("backon.policies.p.retry-on=com.example.NoSuchException")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.policies.p.retry-on = \"com.example.NoSuchException\"",
                "'com.example.NoSuchException' is not on the class path",
                "use the fully-qualified name of an exception class on the class path"),
        bad("an exception class that does not exist among several in one string")
            .given("backon.policies.p.retry-on=java.io.IOException, com.example.NoSuchException")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.policies.p.retry-on = \"java.io.IOException, com.example.NoSuchException\"",
                "the exception class 'com.example.NoSuchException' is not on the class path",
                "use the fully-qualified name of an exception class on the class path"),
        bad("an exception class that does not exist in one entry of a yml list")
            .given(
                "backon.policies.p.abort-on[0]=java.io.IOException",
                "backon.policies.p.abort-on[1]=com.example.Gone")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.policies.p.abort-on[1] = \"com.example.Gone\"",
                "the exception class 'com.example.Gone' is not on the class path",
                "use the fully-qualified name of an exception class on the class path"),
        bad("an empty entry in an exception list")
            .given("backon.policies.p.retry-on=java.io.IOException,")
            .fails(
                UNKNOWN_EXCEPTION_CLASS,
                "backon.policies.p.retry-on",
                "entry 2 of the list is empty",
                "remove the empty entry from backon.policies.p.retry-on"),
        bad("a class that is not an exception")
            .given("backon.policies.p.abort-on=java.lang.String")
            .fails(
                NOT_A_THROWABLE,
                "backon.policies.p.abort-on",
                "'java.lang.String' is not an exception",
                "list only exception classes"),
        bad("the same exception in retry-on and abort-on")
            .given(
                "backon.policies.p.retry-on=java.io.IOException",
                "backon.policies.p.abort-on=java.io.IOException")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.abort-on",
                "java.io.IOException is listed in both retry-on and abort-on",
                "keep java.io.IOException in only one of backon.policies.p.retry-on and backon.policies.p.abort-on"),
        bad("a retry-on exception that an abort-on superclass covers")
            .given(
                "backon.defaults.abort-on=java.io.IOException",
                "backon.policies.p.retry-on=java.io.FileNotFoundException")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.defaults.abort-on",
                "java.io.FileNotFoundException in retry-on is never retried: java.io.IOException in abort-on covers it",
                "remove java.io.FileNotFoundException from backon.policies.p.retry-on or java.io.IOException from backon.defaults.abort-on"),
        bad("a retry-if that does not parse")
            .given("backon.policies.p.retry-if=#result ==")
            .fails(
                INVALID_EXPRESSION,
                "backon.policies.p.retry-if",
                "the SpEL expression \"#result ==\" does not parse",
                "write a boolean SpEL expression over #result"));
  }
}
