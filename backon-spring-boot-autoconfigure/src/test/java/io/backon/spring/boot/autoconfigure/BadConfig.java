package io.backon.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Named;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One bad configuration of {@link BadConfigurationCorpusTest} (properties and/or beans) and the
 * report it must produce: {@code bad("max-tries 0").given("backon.policies.p.max-tries=0")
 * .fails(OUT_OF_RANGE, where, problem, fix)}.
 */
final class BadConfig {

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
}
