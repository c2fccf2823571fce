package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same name defined twice, once in properties and once as a bean. Part of the corpus of {@link
 * BadConfigurationCorpusTest}.
 */
class DuplicateNamesCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // the same name defined twice
        bad("a policy in properties and as a bean")
            .given("backon.policies.payments.max-tries=2")
            .with(
                r ->
                    r.withBean(
                        "payments",
                        RetryPolicy.class,
                        () -> RetryPolicy.builder().name("payments").build()))
            .fails(
                DUPLICATE_DEFINITION,
                "backon.policies.payments",
                "'payments' is defined both in properties and as a RetryPolicy bean",
                "remove backon.policies.payments or the bean"),
        bad("a circuit breaker in properties and as a bean")
            .given("backon.circuit-breakers.db.failure-threshold=2")
            .with(r -> r.withBean(CircuitBreaker.class, () -> CircuitBreaker.builder("db").build()))
            .fails(
                DUPLICATE_DEFINITION,
                "backon.circuit-breakers.db",
                "as a CircuitBreaker bean",
                "remove backon.circuit-breakers.db or the bean"),
        bad("a retry budget in properties and as a bean")
            .given("backon.budgets.shared.max-tokens=2")
            .with(r -> r.withBean(RetryBudget.class, () -> RetryBudget.ofDefaults("shared")))
            .fails(
                DUPLICATE_DEFINITION,
                "backon.budgets.shared",
                "as a RetryBudget bean",
                "remove backon.budgets.shared or the bean"));
  }
}
