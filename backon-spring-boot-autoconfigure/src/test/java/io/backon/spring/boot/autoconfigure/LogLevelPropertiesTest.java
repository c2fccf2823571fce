package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import java.lang.System.Logger.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code *-log-level} properties take the names operators write in {@code logging.level.*}
 * ({@code WARN}) as well as System.Logger's ({@code WARNING}), in any case.
 */
class LogLevelPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @ParameterizedTest(name = "{0} binds as {1}")
  @CsvSource({
    "WARN, WARNING",
    "warn, WARNING",
    "Warn, WARNING",
    "WARNING, WARNING",
    "warning, WARNING",
    "ERROR, ERROR",
    "error, ERROR",
    "FATAL, ERROR",
    "INFO, INFO",
    "info, INFO",
    "DEBUG, DEBUG",
    "debug, DEBUG",
    "TRACE, TRACE",
    "trace, TRACE",
    "OFF, OFF",
    "off, OFF",
    "ALL, ALL"
  })
  void aLevelNameBindsToItsSystemLoggerLevel(String name, Level level) {
    runner
        .withPropertyValues(
            "backon.policies.p.backoff-log-level=" + name,
            "backon.policies.p.give-up-log-level=" + name)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              RetryPolicy policy = context.getBean(RetryPolicyRegistry.class).policy("p");
              assertThat(policy.backoffLogLevel()).isEqualTo(level);
              assertThat(policy.giveUpLogLevel()).isEqualTo(level);
            });
  }

  @Test
  void aLevelSetOnTheDefaultsReachesEveryPolicy() {
    runner
        .withPropertyValues(
            "backon.defaults.give-up-log-level=error", "backon.policies.p.max-tries=2")
        .run(
            context -> {
              RetryPolicy policy = context.getBean(RetryPolicyRegistry.class).policy("p");
              assertThat(policy.giveUpLogLevel()).isEqualTo(Level.ERROR);
              assertThat(policy.backoffLogLevel()).isEqualTo(RetryPolicy.DEFAULT_BACKOFF_LOG_LEVEL);
            });
  }

  @Test
  void withoutTheSettingsThePolicyLogsBackoffsAtDebugAndGiveUpsAtWarning() {
    runner
        .withPropertyValues("backon.policies.p.max-tries=2")
        .run(
            context -> {
              RetryPolicy policy = context.getBean(RetryPolicyRegistry.class).policy("p");
              assertThat(policy.backoffLogLevel()).isEqualTo(Level.DEBUG);
              assertThat(policy.giveUpLogLevel()).isEqualTo(Level.WARNING);
            });
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "backon.policies.p.give-up-log-level",
        "backon.policies.p.backoff-log-level",
        "backon.defaults.give-up-log-level",
        "backon.defaults.backoff-log-level"
      })
  void anUnknownNameFailsTheStartupNamingThePropertyAndTheNamesThatWork(String property) {
    runner
        .withPropertyValues(property + "=loud", "backon.policies.p.max-tries=2")
        .run(
            context -> {
              assertThat(context).hasFailed();
              FailureAnalysis report = BadConfig.analyze(context.getStartupFailure());
              assertThat(report).isNotNull();
              assertThat(report.getDescription())
                  .contains(
                      "BACKON-CFG-001", property + " = \"loud\"", "no log level named 'loud'");
              assertThat(report.getAction())
                  .contains("use one of: trace, debug, info, warn, error, off");
            });
  }
}
