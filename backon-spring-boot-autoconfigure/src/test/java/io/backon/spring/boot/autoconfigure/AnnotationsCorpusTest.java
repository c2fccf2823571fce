package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;

import io.backon.RetryPolicy;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code @Backon} annotation attributes, alone and over policies defined as beans. Part of the
 * corpus of {@link BadConfigurationCorpusTest}.
 */
class AnnotationsCorpusTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    BadConfig.stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(bad);
  }

  static Stream<Named<BadConfig>> cases() {
    return Stream.of(
        // annotations and fallbacks
        bad("an unknown policy in @Backon")
            .withBean(UnknownPolicy.class)
            .fails(
                UNKNOWN_POLICY,
                "@Backon(value) on UnknownPolicy.call()",
                "no retry policy named 'nope' (known: [default])",
                "define backon.policies.nope or a RetryPolicy bean named 'nope'"),
        bad("a placeholder that cannot be resolved")
            .withBean(UnresolvablePlaceholder.class)
            .fails(
                UNRESOLVABLE_PLACEHOLDER,
                "@Backon(value) on UnresolvablePlaceholder.call()",
                "the placeholder in \"${backon-test.missing-policy-name}\" cannot be resolved",
                "define the property it names, or give a default"),
        bad("an annotation delay that is not a duration")
            .withBean(UnparsableDuration.class)
            .fails(
                INVALID_DURATION,
                "@Backon(delay) on UnparsableDuration.call()",
                "'soon' is not a duration",
                "write a duration such as 500ms"),
        bad("a negative annotation delay")
            .withBean(NegativeDelay.class)
            .fails(
                INVALID_DURATION,
                "@Backon(delay) on NegativeDelay.call()",
                "interval must be >= 0 but was PT-1S",
                "change @Backon(delay) on NegativeDelay.call() to a value that satisfies that rule"),
        bad("an annotation multiplier that is not a number")
            .withBean(UnparsableMultiplier.class)
            .fails(
                INVALID_VALUE,
                "@Backon(multiplier) on UnparsableMultiplier.call()",
                "'twice' is not a number",
                "write a decimal number"),
        bad("an annotation multiplier on a constant wait")
            .withBean(MultiplierOnConstantWait.class)
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(multiplier) on MultiplierOnConstantWait.call()",
                "'constant' does not use multiplier",
                "remove @Backon(multiplier) on MultiplierOnConstantWait.call()"),
        bad("an annotation multiplier that shrinks an expo wait")
            .withBean(ShrinkingExpo.class)
            .fails(
                OUT_OF_RANGE,
                "@Backon(multiplier) on ShrinkingExpo.call()",
                "base must be > 1 but was 0.5",
                "change @Backon(multiplier) on ShrinkingExpo.call()"),
        bad("an annotation hedge count whose meaning changed, not yet confirmed")
            .withBean(TwoHedges.class)
            .fails(
                HEDGE_COUNT_CHANGED,
                "@Backon(hedges) on TwoHedges.call()",
                "The value 2 allowed 3 copies in flight and now allows 2 copies in flight.",
                "to keep the old behaviour write 3 at @Backon(hedges) on TwoHedges.call() (or keep a value"),
        bad("an annotation hedge delay without hedges")
            .withBean(HedgeDelayWithoutHedges.class)
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(hedgeDelay) on HedgeDelayWithoutHedges.call()",
                "max-hedges is not, so hedging stays off",
                "set @Backon(hedges) on HedgeDelayWithoutHedges.call()"),
        bad("annotation maxTries 0")
            .withBean(ZeroTries.class)
            .fails(
                OUT_OF_RANGE,
                "@Backon(maxTries) on ZeroTries.call()",
                "maxTries must be >= 1 but was 0",
                "change @Backon(maxTries) on ZeroTries.call()"),
        bad("the same exception in the annotation's retryOn and abortOn")
            .withBean(RetryAndAbortTheSameException.class)
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(abortOn) on RetryAndAbortTheSameException.call()",
                "java.io.IOException is listed in both retry-on and abort-on",
                "keep java.io.IOException in only one of"),
        bad("an unknown circuit breaker in the annotation")
            .withBean(UnknownCircuitBreaker.class)
            .fails(
                UNKNOWN_CIRCUIT_BREAKER,
                "@Backon(circuitBreaker) on UnknownCircuitBreaker.call()",
                "no circuit breaker named 'ghost'",
                "define backon.circuit-breakers.ghost or a CircuitBreaker bean"),
        bad("an unknown budget in the annotation")
            .withBean(UnknownBudget.class)
            .fails(
                UNKNOWN_BUDGET,
                "@Backon(budget) on UnknownBudget.call()",
                "no retry budget named 'ghost'",
                "define backon.budgets.ghost or a RetryBudget bean"),
        bad("an annotation retryIf that does not parse")
            .withBean(UnparsableCondition.class)
            .fails(
                INVALID_EXPRESSION,
                "@Backon(retryIf) on UnparsableCondition.call()",
                "does not parse",
                "write a boolean SpEL expression"),
        bad("an annotation attempt timeout longer than its deadline")
            .withBean(TimeoutNotShorterThanDeadline.class)
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(attemptTimeout) on TimeoutNotShorterThanDeadline.call()",
                "the attempt timeout 5s is not shorter than the deadline 1s",
                "make @Backon(attemptTimeout) on TimeoutNotShorterThanDeadline.call() shorter than @Backon(deadline)"),
        bad("a wait parameter without a wait kind on a bean policy")
            .withBean(WaitParameterOnBeanPolicy.class)
            .with(
                r ->
                    r.withBean(
                        "beanPolicy",
                        RetryPolicy.class,
                        () -> RetryPolicy.builder().name("beanPolicy").build()))
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(delay) on WaitParameterOnBeanPolicy.call()",
                "the policy is a bean whose wait kind is unknown",
                "also set the wait kind"),
        bad("hedges = 1 on a RetryPolicy bean that hedges")
            .withBean(HedgesOffOnAHedgingBeanPolicy.class)
            .given("backon.max-hedges-includes-first=true")
            .with(
                r ->
                    r.withBean(
                        "hedgingBean",
                        RetryPolicy.class,
                        () ->
                            RetryPolicy.builder()
                                .name("hedgingBean")
                                .hedging(HedgingPolicy.defaults())
                                .build()))
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon(hedges) on HedgesOffOnAHedgingBeanPolicy.call()",
                "the RetryPolicy bean 'hedgingBean' hedges, and an annotation cannot remove a bean's hedging",
                "use a RetryPolicy bean without hedging for this method, or remove @Backon(hedges) on"),
        bad("retryOn over a RetryPolicy bean's whole retry condition")
            .withBean(RetryOnOverThePolicyBeansWholeCondition.class)
            .with(
                r ->
                    r.withBean(
                        "conditionBean",
                        RetryPolicy.class,
                        () ->
                            RetryPolicy.builder()
                                .name("conditionBean")
                                .retryIf(RetryCondition.onMessageContaining("busy"))
                                .build()))
            .fails(
                CONTRADICTORY_SETTINGS,
                "@Backon on RetryOnOverThePolicyBeansWholeCondition.call()",
                "the overrides do not fit the policy 'conditionBean' (retryIf(condition) replaces retryOn",
                "change the overrides of @Backon on RetryOnOverThePolicyBeansWholeCondition.call() or the policy"));
  }
}
