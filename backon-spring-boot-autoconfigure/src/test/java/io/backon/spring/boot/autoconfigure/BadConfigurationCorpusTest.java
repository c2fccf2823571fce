package io.backon.spring.boot.autoconfigure;

import static io.backon.spring.boot.autoconfigure.BadConfig.bad;
import static io.backon.spring.boot.autoconfigure.ConfigErrorCode.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.budget.RetryBudget;
import io.backon.condition.RetryCondition;
import io.backon.hedge.HedgingPolicy;
import io.backon.spring.boot.autoconfigure.BadlyAnnotatedBeans.*;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Every bad configuration a user can write stops the startup with a report that carries the stable
 * code, names the property or annotated method at fault, says what is wrong and how to fix it. Each
 * case runs the real failure analyzers on the real startup failure.
 */
class BadConfigurationCorpusTest {

  private static final ApplicationContextRunner RUNNER =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class));

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
    bad.applyTo(RUNNER)
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis report = analyze(context.getStartupFailure());
              assertThat(report)
                  .as("a Backon analyzer reports %s", context.getStartupFailure())
                  .isNotNull();
              assertThat(report.getDescription())
                  .contains("Backon configuration error " + bad.code.code() + ".")
                  .contains("Where:   " + bad.where)
                  .contains("Problem: ")
                  .contains(bad.problem);
              assertThat(report.getAction()).startsWith("Fix: ").contains(bad.fix);
            });
  }

  @Test
  void theCorpusCoversEveryErrorCode() {
    Set<ConfigErrorCode> covered =
        corpus()
            .map(n -> n.getPayload().code)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConfigErrorCode.class)));

    assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ConfigErrorCode.class));
  }

  static @Nullable FailureAnalysis analyze(@Nullable Throwable failure) {
    if (failure == null) {
      return null;
    }
    FailureAnalysis analysis = new BackonConfigurationFailureAnalyzer().analyze(failure);
    return analysis != null ? analysis : new BackonBindFailureAnalyzer().analyze(failure);
  }

  static Stream<Named<BadConfig>> corpus() {
    return Stream.concat(
        SettingLimitsCorpus.cases(),
        Stream.of(
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
                    "write a duration such as 500ms"),
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
                    "remove backon.policies.p.jitter-max"),
            bad("an exception class that does not exist")
                .given("backon.policies.p.retry-on=com.example.NoSuchException")
                .fails(
                    UNKNOWN_EXCEPTION_CLASS,
                    "backon.policies.p.retry-on = \"com.example.NoSuchException\"",
                    "'com.example.NoSuchException' is not on the class path",
                    "use the fully-qualified name of an exception class on the class path"),
            bad("an exception class that does not exist among several in one string")
                .given(
                    "backon.policies.p.retry-on=java.io.IOException, com.example.NoSuchException")
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
                    "write a boolean SpEL expression over #result"),
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
                    "define backon.budgets.ghost"),
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
                    "backon.max-hedges-includes-first=true",
                    "backon.policies.p.hedging.max-hedges=0")
                .fails(
                    OUT_OF_RANGE,
                    "backon.policies.p.hedging.max-hedges",
                    "maxHedges must be >= 1 but was 0; 1 turns hedging off",
                    "change backon.policies.p.hedging.max-hedges"),
            bad("a hedge count whose meaning changed, not yet confirmed")
                .given(
                    "backon.policies.p.hedging.max-hedges=1",
                    "backon.policies.q.hedging.max-hedges=3")
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
                    "to keep the old behaviour write 1 at backon.defaults.hedging.max-hedges (or keep"),
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
                .given(
                    "backon.circuit-breakers.cb.ignore-on=java.io.IOException,,java.io.EOFException")
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
                .given(
                    "backon.budget-defaults.max-tokens=0", "backon.budgets.shared.token-ratio=0.5")
                .fails(
                    OUT_OF_RANGE,
                    "backon.budget-defaults.max-tokens",
                    "maxTokens must be >= 1 but was 0",
                    "change backon.budget-defaults.max-tokens"),
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
                .with(
                    r ->
                        r.withBean(
                            CircuitBreaker.class, () -> CircuitBreaker.builder("db").build()))
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
                    "remove backon.budgets.shared or the bean"),
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
                    "change the overrides of @Backon on RetryOnOverThePolicyBeansWholeCondition.call() or the policy"),
            // beans created after the startup (lazy, prototype) are checked at the startup all the
            // same
            bad("an unknown policy in a lazy bean")
                .with(
                    r ->
                        r.withBean(
                            UnknownPolicy.class,
                            UnknownPolicy::new,
                            definition -> definition.setLazyInit(true)))
                .fails(
                    UNKNOWN_POLICY,
                    "@Backon(value) on UnknownPolicy.call()",
                    "no retry policy named 'nope'",
                    "define backon.policies.nope or a RetryPolicy bean named 'nope'"),
            bad("a missing fallback in a prototype bean")
                .with(
                    r ->
                        r.withBean(
                            MissingFallback.class,
                            MissingFallback::new,
                            definition -> definition.setScope("prototype")))
                .fails(
                    FALLBACK_NOT_FOUND,
                    "@Backon(fallback) on MissingFallback.call(String)",
                    "the fallback method 'recover' does not exist",
                    "add a method String recover(String)"),
            bad("@Backon on a final method of a lazy bean")
                .with(
                    r ->
                        r.withBean(
                            FinalMethod.class,
                            FinalMethod::new,
                            definition -> definition.setLazyInit(true)))
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on FinalMethod.call()",
                    "the method is final",
                    "make the method non-final (public or protected), or remove @Backon from it"),
            bad("a fallback method that does not exist")
                .withBean(MissingFallback.class)
                .fails(
                    FALLBACK_NOT_FOUND,
                    "@Backon(fallback) on MissingFallback.call(String)",
                    "the fallback method 'recover' does not exist",
                    "add a method String recover(String) or String recover(String, Throwable failure)"),
            bad("a fallback with the wrong return type")
                .withBean(FallbackReturnsWrongType.class)
                .fails(
                    FALLBACK_SIGNATURE,
                    "@Backon(fallback) on FallbackReturnsWrongType.call(String)",
                    "found Integer recover(String)",
                    "declare it as String recover(String)"),
            bad("a fallback with the wrong parameters")
                .withBean(FallbackTakesWrongParameters.class)
                .fails(
                    FALLBACK_SIGNATURE,
                    "@Backon(fallback) on FallbackTakesWrongParameters.call(String)",
                    "found String recover(int, IOException)",
                    "declare it as String recover(String)"),
            bad("two fallback methods that both fit")
                .withBean(TwoFittingFallbacks.class)
                .fails(
                    FALLBACK_SIGNATURE,
                    "@Backon(fallback) on TwoFittingFallbacks.call(String)",
                    "2 methods named 'recover' fit: String recover(String, FileNotFoundException), "
                        + "String recover(String, IllegalStateException); Backon calls exactly one fallback",
                    "keep one method named recover (it may take a Throwable and check its type), or rename the others"),
            bad("@Backon on a final method")
                .withBean(FinalMethod.class)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on FinalMethod.call()",
                    "the method is final",
                    "make the method non-final (public or protected), or remove @Backon from it"),
            bad("a final method under a class-level @Backon")
                .withBean(ClassLevelAnnotationWithFinalMethod.class)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on ClassLevelAnnotationWithFinalMethod.helper()",
                    "the method is final",
                    "move @Backon from the class ClassLevelAnnotationWithFinalMethod to the methods that should retry"),
            bad("@Backon in a final class")
                .withBean(FinalClass.class)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on FinalClass.call()",
                    "BadlyAnnotatedBeans$FinalClass is final",
                    "make the class non-final"),
            bad("@Backon in a record")
                .with(r -> r.withBean(RecordBean.class, () -> new RecordBean("x")))
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on RecordBean.call()",
                    "BadlyAnnotatedBeans$RecordBean is final",
                    "make the class non-final"),
            bad("@Backon in a private class")
                .withBean(BadlyAnnotatedBeans.PRIVATE_CLASS)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on PrivateClass.call()",
                    "BadlyAnnotatedBeans$PrivateClass is private",
                    "not private"),
            bad("@Backon on a private method")
                .withBean(PrivateMethod.class)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on PrivateMethod.call()",
                    "the method is private",
                    "make the method non-private"),
            bad("@Backon on a static method")
                .withBean(StaticMethod.class)
                .fails(
                    UNPROXYABLE_METHOD,
                    "@Backon on StaticMethod.call()",
                    "the method is static",
                    "make the method non-static"),
            bad("a hedged Flux from the annotation")
                .withBean(HedgedFlux.class)
                .given("backon.max-hedges-includes-first=true")
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on HedgedFlux.stream()",
                    "a Flux cannot be hedged",
                    "turn hedging off for this method"),
            bad("a Flux under a hedging policy from properties")
                .withBean(FluxUnderHedgingPolicy.class)
                .given(
                    "backon.max-hedges-includes-first=true",
                    "backon.policies.hedged.hedging.max-hedges=2")
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on FluxUnderHedgingPolicy.stream()",
                    "its policy 'hedged' hedges",
                    "or return a Mono"),
            bad("a Future return type that is not a CompletionStage")
                .withBean(PlainFutureType.class)
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on PlainFutureType.call()",
                    "java.util.concurrent.Future completes after the method returned, and Backon cannot see its failure",
                    "declare the method to return CompletionStage or CompletableFuture"),
            bad("a Publisher return type that is neither Mono nor Flux")
                .withBean(PlainPublisherType.class)
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on PlainPublisherType.call()",
                    "org.reactivestreams.Publisher completes after the method returned, and Backon cannot see its failure",
                    "declare the method to return Mono or Flux"),
            bad("retryIf on a void method")
                .withBean(RetryIfOnVoid.class)
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon(retryIf) on RetryIfOnVoid.call()",
                    "the method returns no value, so the result condition set by @Backon(retryIf) on RetryIfOnVoid.call()"
                        + " sees null on every successful call",
                    "remove retryIf from the annotation, or return the value the condition should check"),
            bad("a void method under a policy with retry-if")
                .withBean(VoidUnderResultPolicy.class)
                .given("backon.policies.checked.retry-if=#result == null")
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on VoidUnderResultPolicy.call()",
                    "the result condition set by backon.policies.checked.retry-if sees null on every successful call",
                    "give the method a policy without retry-if (backon.policies.checked.retry-if applies to every method"
                        + " of the policy 'checked')"),
            bad("a Mono<Void> method under a RetryPolicy bean that retries null")
                .withBean(MonoOfVoidUnderResultBean.class)
                .with(
                    r ->
                        r.withBean(
                            "nullRetrying",
                            RetryPolicy.class,
                            () ->
                                RetryPolicy.builder()
                                    .name("nullRetrying")
                                    .retryIfResult(Objects::isNull)
                                    .build()))
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on MonoOfVoidUnderResultBean.call()",
                    "the retry condition of the RetryPolicy bean 'nullRetrying' retries a null result",
                    "give the method a policy whose retry condition does not check results"),
            bad("retryIf on a Flux method")
                .withBean(RetryIfOnFlux.class)
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon(retryIf) on RetryIfOnFlux.stream()",
                    "whose elements are not checked by retry-if (only errors are retried)",
                    "remove retryIf from the annotation, or return a Mono (e.g. collectList())"),
            bad("a Flux method under a policy with retry-if")
                .withBean(FluxUnderResultPolicy.class)
                .given("backon.policies.checked.retry-if=#result == null")
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on FluxUnderResultPolicy.stream()",
                    "so the condition set by backon.policies.checked.retry-if would be ignored",
                    "give the method a policy without retry-if"),
            bad("a CompletionStage subtype return type")
                .withBean(CustomFutureType.class)
                .fails(
                    UNSUPPORTED_RETURN_TYPE,
                    "@Backon on CustomFutureType.call()",
                    "is a CompletionStage subtype Backon cannot create",
                    "return CompletionStage or CompletableFuture")));
  }
}
