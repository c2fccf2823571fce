package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.wait.Wait;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Configuration the way operators give it: environment variables and system properties in Spring's
 * relaxed forms, profile files that override part of a policy, camel-case keys and plain numbers.
 */
class OperatorConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @Test
  void environmentVariablesDefineAPolicyWithListsAndDurations() {
    environment(
            "BACKON_POLICIES_PAYMENTS_MAXTRIES", "5",
            "BACKON_POLICIES_PAYMENTS_RETRYON",
                "java.io.IOException,java.util.concurrent.TimeoutException",
            "BACKON_POLICIES_PAYMENTS_ATTEMPTTIMEOUT", "PT2S",
            "BACKON_POLICIES_PAYMENTS_DEADLINE", "10000")
        .run(
            context -> {
              RetryPolicy payments = context.getBean(RetryPolicyRegistry.class).policy("payments");
              assertThat(payments.maxTries()).isEqualTo(5);
              assertThat(payments.retryOn())
                  .containsExactly(IOException.class, TimeoutException.class);
              assertThat(payments.attemptTimeoutNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
              assertThat(payments.deadlineNanos())
                  .as("a plain number is milliseconds")
                  .isEqualTo(Duration.ofSeconds(10).toNanos());
            });
  }

  @Test
  void anEnvironmentVariableOverridesTheBreakerWhoseNameHasADash() {
    environment("BACKON_CIRCUITBREAKERS_PAYMENTSAPI_FAILURETHRESHOLD", "7")
        .withPropertyValues(
            "backon.policies.payments.circuit-breaker=payments-api",
            "backon.circuit-breakers.payments-api.failure-threshold=5",
            "backon.circuit-breakers.payments-api.recovery-timeout=30s")
        .run(
            context -> {
              CircuitBreakerRegistry breakers = context.getBean(CircuitBreakerRegistry.class);
              assertThat(breakers.all())
                  .extracting(CircuitBreaker::name)
                  .containsExactly("payments-api");
              RetryPolicy payments = context.getBean(RetryPolicyRegistry.class).policy("payments");
              assertThat(payments.circuitBreaker()).isNotNull();
              assertThat(payments.circuitBreaker().config().failureThreshold()).isEqualTo(7);
              assertThat(payments.circuitBreaker().config().recoveryTimeout())
                  .isEqualTo(Duration.ofSeconds(30));
            });
  }

  @Test
  void environmentVariablesOverrideThePolicyAndBudgetWhoseNamesHaveADash() {
    environment(
            "BACKON_POLICIES_PAYMENTSREADS_MAXTRIES", "4",
            "BACKON_BUDGETS_PAYMENTSAPI_MAXTOKENS", "40")
        .withPropertyValues(
            "backon.policies.payments-reads.max-tries=2",
            "backon.policies.payments-reads.budget=payments-api",
            "backon.budgets.payments-api.max-tokens=20")
        .run(
            context -> {
              RetryPolicyRegistry policies = context.getBean(RetryPolicyRegistry.class);
              assertThat(policies.names()).doesNotContain("paymentsreads");
              assertThat(policies.policy("payments-reads").maxTries()).isEqualTo(4);
              assertThat(
                      context
                          .getBean(RetryBudgetRegistry.class)
                          .find("payments-api")
                          .orElseThrow()
                          .maxTokens())
                  .isEqualTo(40);
            });
  }

  @Test
  void aDashlessNameInTheApplicationsOwnPropertiesStaysAnEntryOfItsOwn() {
    runner
        .withPropertyValues(
            "backon.circuit-breakers.payments-api.failure-threshold=5",
            "backon.circuit-breakers.paymentsapi.failure-threshold=7")
        .run(
            context ->
                assertThat(context.getBean(CircuitBreakerRegistry.class).all())
                    .extracting(CircuitBreaker::name)
                    .containsExactlyInAnyOrder("payments-api", "paymentsapi"));
  }

  @Test
  void aMistypedEnvironmentVariableFailsTheStartupNamingIt() {
    environment("BACKON_POLICIES_PAYMENTS_MAXTRYS", "7")
        .run(
            context ->
                assertThat(reportOf(context))
                    .contains("BACKON-CFG-002")
                    .contains("backon.policies.payments.maxtrys = \"7\"")
                    .contains("BACKON_POLICIES_PAYMENTS_MAXTRYS"));
  }

  @Test
  void aMistypedEnvironmentVariableBesideCorrectOnesFailsTheStartupToo() {
    environment(
            "BACKON_POLICIES_PAYMENTS_MAXTRIES", "7",
            "BACKON_POLICIES_PAYMENTS_ATTEMPTTIMOUT", "2s")
        .run(
            context ->
                assertThat(reportOf(context))
                    .contains("BACKON-CFG-002")
                    .contains("BACKON_POLICIES_PAYMENTS_ATTEMPTTIMOUT")
                    .doesNotContain("MAXTRIES\""));
  }

  @Test
  void aMistypedSystemPropertyFailsTheStartupNamingIt() {
    runner
        .withSystemProperties("backon.circuit-breakers.api.failureTreshold=3")
        .run(
            context ->
                assertThat(reportOf(context))
                    .contains("BACKON-CFG-002")
                    .contains("backon.circuit-breakers.api.failureTreshold"));
  }

  @Test
  void otherBackonEnvironmentVariablesAreLeftAlone() {
    // Kubernetes adds <SERVICE>_SERVICE_HOST and <SERVICE>_PORT for a service named "backon".
    environment(
            "BACKON_SERVICE_HOST", "10.0.0.1",
            "BACKON_PORT", "tcp://10.0.0.1:80",
            "BACKON_POLICIES_PAYMENTS_MAXTRIES", "2")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void camelCaseKebabCaseAndUnderscoresBindTheSameSettings() {
    runner
        .withSystemProperties("backon.policies.payments.maxTries=4")
        .withPropertyValues(
            "backon.policies.payments.attemptTimeout=500ms",
            "backon.policies.reads.extends=payments",
            "backon.policies.reads.retry_on=java.io.IOException")
        .run(
            context -> {
              RetryPolicy reads = context.getBean(RetryPolicyRegistry.class).policy("reads");
              assertThat(reads.maxTries()).isEqualTo(4);
              assertThat(reads.attemptTimeoutNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
              assertThat(reads.retryOn()).containsExactly(IOException.class);
            });
  }

  @Test
  void aPlainNumberIsADurationInMilliseconds() {
    runner
        .withPropertyValues(
            "backon.policies.p.wait=constant",
            "backon.policies.p.jitter=none",
            "backon.policies.p.delay=250")
        .run(
            context ->
                assertThat(context.getBean(RetryPolicyRegistry.class).policy("p").waitStrategy())
                    .hasToString(Wait.constant(Duration.ofMillis(250)).toString()));
  }

  @Test
  void aProfileFileOverridesPartOfAPolicyAndThePoliciesExtendingIt() {
    try (ConfigurableApplicationContext context = start("spring.profiles.active=prod")) {
      RetryPolicyRegistry policies = context.getBean(RetryPolicyRegistry.class);
      for (String name : new String[] {"payments", "payments-reads"}) {
        RetryPolicy policy = policies.policy(name);
        assertThat(policy.attemptTimeoutNanos()).isEqualTo(Duration.ofMillis(500).toNanos());
        assertThat(policy.retryOn()).containsExactly(IOException.class, TimeoutException.class);
        assertThat(policy.waitStrategy()).hasToString("constant(PT0.2S)");
      }
      assertThat(policies.policy("payments").maxTries()).isEqualTo(5);
      assertThat(policies.policy("payments-reads").maxTries()).isEqualTo(2);
    }
  }

  @Test
  void withoutTheProfileTheBaseFileApplies() {
    try (ConfigurableApplicationContext context = start()) {
      RetryPolicy reads = context.getBean(RetryPolicyRegistry.class).policy("payments-reads");
      assertThat(reads.attemptTimeoutNanos()).isEqualTo(Duration.ofSeconds(2).toNanos());
      assertThat(reads.retryOn()).containsExactly(IOException.class);
    }
  }

  /** The runner with these environment variables (name, value, ...) instead of the real ones. */
  private ApplicationContextRunner environment(String... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    return runner.withInitializer(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .replace(name, new SystemEnvironmentPropertySource(name, variables)));
  }

  /** The description of Backon's startup failure report. */
  private static String reportOf(AssertableApplicationContext context) {
    Throwable failure = context.getStartupFailure();
    FailureAnalysis report = BadConfig.analyze(failure);
    assertThat(report).as("a Backon report of %s", failure).isNotNull();
    return report.getDescription();
  }

  private static ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(MinimalApplication.class)
        .web(WebApplicationType.NONE)
        .properties(
            "spring.config.name=backon-profiles",
            "spring.config.location=classpath:operator-config/")
        .properties(properties)
        .run();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(BackonAutoConfiguration.class)
  static class MinimalApplication {}
}
