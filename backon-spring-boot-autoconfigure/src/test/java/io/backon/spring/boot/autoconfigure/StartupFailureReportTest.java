package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The failure analyzers are registered in {@code META-INF/spring.factories}: a real {@code
 * SpringApplication} with a bad setting prints Backon's report instead of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

  @Test
  void anOutOfRangeSettingPrintsBackonsReport(CapturedOutput output) {
    assertThatThrownBy(() -> run("backon.policies.payments.max-tries=0")).isNotNull();

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Backon configuration error BACKON-CFG-007.")
        .contains("Where:   backon.policies.payments.max-tries")
        .contains(
            "Fix: change backon.policies.payments.max-tries to a value that satisfies that rule.");
  }

  @Test
  void anOutOfRangeValueIsReportedWithTheLineOfTheFileThatSetIt(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(MinimalApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                        "spring.config.name=out-of-range",
                        "spring.config.location=classpath:startup-failure/")
                    .run()
                    .close())
        .isNotNull();

    assertThat(output)
        .contains("Backon configuration error BACKON-CFG-007.")
        .contains(
            "Where:   backon.circuit-breakers.api.failure-threshold (from class path resource"
                + " [startup-failure/out-of-range.yml] - 4:26)");
  }

  @Test
  void anOutOfRangeEnvironmentVariableIsReportedByTheVariableThatSetIt(CapturedOutput output) {
    Map<String, Object> variables = Map.of("BACKON_POLICIES_PAYMENTS_MAXTRIES", "0");
    String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(MinimalApplication.class)
                    .web(WebApplicationType.NONE)
                    .initializers(
                        context ->
                            context
                                .getEnvironment()
                                .getPropertySources()
                                .replace(
                                    name, new SystemEnvironmentPropertySource(name, variables)))
                    .run()
                    .close())
        .isNotNull();

    assertThat(output)
        .contains("Backon configuration error BACKON-CFG-007.")
        .contains("Where:   backon.policies.payments.max-tries (from ")
        .contains("BACKON_POLICIES_PAYMENTS_MAXTRIES");
  }

  @Test
  void aMistypedKeyPrintsBackonsReportRatherThanBootsGenericOne(CapturedOutput output) {
    assertThatThrownBy(() -> run("backon.policies.payments.max-trys=2")).isNotNull();

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("Backon configuration error BACKON-CFG-002.")
        .contains("backon.policies.payments.max-trys = \"2\"");
  }

  private static void run(String property) {
    new SpringApplicationBuilder(MinimalApplication.class)
        .web(WebApplicationType.NONE)
        .properties(property)
        .run()
        .close();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(BackonAutoConfiguration.class)
  static class MinimalApplication {}
}
