package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

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
