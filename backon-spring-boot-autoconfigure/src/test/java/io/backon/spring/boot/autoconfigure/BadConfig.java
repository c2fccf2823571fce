package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One bad configuration of {@link BadConfigurationCorpusTest} (properties and/or beans) and the
 * report it must produce: {@code bad("max-tries 0").given("backon.policies.p.max-tries=0")
 * .fails(OUT_OF_RANGE, where, problem, fix)}, and the check every case of the corpus runs.
 */
final class BadConfig {

  private static final ApplicationContextRunner RUNNER =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class));

  final String name;
  final List<String> properties = new ArrayList<>();
  UnaryOperator<ApplicationContextRunner> setup = UnaryOperator.identity();
  ConfigErrorCode code = ConfigErrorCode.INVALID_VALUE;
  String where = "";
  String problem = "";
  String fix = "";

  private BadConfig(String name) {
    this.name = name;
  }

  /** Starts a case; {@code name} reads like "a negative delay". */
  static BadConfig bad(String name) {
    return new BadConfig(name);
  }

  BadConfig given(String... pairs) {
    properties.addAll(List.of(pairs));
    return this;
  }

  BadConfig withBean(Class<?> type) {
    return with(r -> r.withBean(type));
  }

  BadConfig with(UnaryOperator<ApplicationContextRunner> more) {
    UnaryOperator<ApplicationContextRunner> before = setup;
    setup = r -> more.apply(before.apply(r));
    return this;
  }

  Named<BadConfig> fails(ConfigErrorCode code, String where, String problem, String fix) {
    this.code = code;
    this.where = where;
    this.problem = problem;
    this.fix = fix;
    return Named.of(name + " -> " + code.code(), this);
  }

  ApplicationContextRunner applyTo(ApplicationContextRunner runner) {
    return setup.apply(runner.withPropertyValues(properties.toArray(String[]::new)));
  }

  /**
   * Starts an application with {@code bad} and asserts that the startup fails with a Backon report
   * that carries the case's code, place, problem and fix.
   */
  static void stopsTheStartupWithAReportNamingTheCodeThePlaceAndTheFix(BadConfig bad) {
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

  /** Runs Backon's failure analyzers on a startup failure, as Spring Boot would. */
  static @Nullable FailureAnalysis analyze(@Nullable Throwable failure) {
    if (failure == null) {
      return null;
    }
    FailureAnalysis analysis = new BackonConfigurationFailureAnalyzer().analyze(failure);
    return analysis != null ? analysis : new BackonBindFailureAnalyzer().analyze(failure);
  }
}
