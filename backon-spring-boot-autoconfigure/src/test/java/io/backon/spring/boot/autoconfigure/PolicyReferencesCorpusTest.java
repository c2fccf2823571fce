package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy settings that name something else: parent policies, circuit breakers and budgets. Part of
 * the corpus of {@link BadConfigurationCorpusTest}.
 */
class PolicyReferencesCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        bad("an unknown parent policy")
            .given("backon.policies.child.extends=ghost")
            .fails(
                UNKNOWN_POLICY,
                "backon.policies.child.extends",
                "the policy 'ghost' it extends is not configured",
                "define backon.policies.ghost"),
        bad("a policy that extends a RetryPolicy bean")
            .given("backon.policies.child.extends=beanPolicy")
            .with(
                r ->
                    r.withBean(
                        "beanPolicy", RetryPolicy.class, () -> RetryPolicy.builder().build()))
            .fails(
                UNKNOWN_POLICY,
                "backon.policies.child.extends",
                "the policy 'beanPolicy' it extends is not configured",
                "extends only reaches policies defined in properties, not RetryPolicy beans"),
        bad("an extends cycle")
            .given("backon.policies.a.extends=b", "backon.policies.b.extends=a")
            .fails(
                EXTENDS_CYCLE,
                "backon.policies.a.extends",
                "the extends chain loops: a -> b -> a",
                "remove one of the extends settings"),
        bad("a policy named default")
            .given("backon.policies.default.max-tries=2")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.default",
                "is configured under backon.defaults",
                "move these settings to backon.defaults"),
        bad("defaults that extend a policy")
            .given("backon.defaults.extends=p", "backon.policies.p.max-tries=2")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.defaults.extends",
                "backon.defaults cannot extend another policy",
                "remove backon.defaults.extends"),
        bad("retry-on-circuit-open without a breaker")
            .given("backon.policies.p.retry-on-circuit-open=true")
            .fails(
                CONTRADICTORY_SETTINGS,
                "backon.policies.p.retry-on-circuit-open",
                "the policy has no circuit breaker",
                "set circuit-breaker next to backon.policies.p.retry-on-circuit-open"),
        bad("an unknown circuit breaker")
            .given("backon.policies.p.circuit-breaker=ghost")
            .fails(
                UNKNOWN_CIRCUIT_BREAKER,
                "backon.policies.p.circuit-breaker",
                "no circuit breaker named 'ghost' is configured (known: none)",
                "define backon.circuit-breakers.ghost"),
        bad("an unknown budget")
            .given("backon.budgets.shared.max-tokens=5", "backon.policies.p.budget=ghost")
            .fails(
                UNKNOWN_BUDGET,
                "backon.policies.p.budget",
                "no retry budget named 'ghost' is configured (known: [shared])",
                "define backon.budgets.ghost"));
  }
}
