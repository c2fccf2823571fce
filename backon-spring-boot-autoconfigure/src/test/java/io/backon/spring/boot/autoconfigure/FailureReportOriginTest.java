package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ByteArrayResource;

/**
 * The "Where" line of a Backon startup report names where a property's value was set when it can,
 * and the report is never lost because it cannot: no environment, a subject that is not a property,
 * an environment that refuses lookups.
 */
class FailureReportOriginTest {

  private static final TextResourceOrigin LINE_7 =
      new TextResourceOrigin(
          new ByteArrayResource(new byte[0], "application.yml"), new Location(6, 17));

  private static BackonConfigurationException outOfRange(String subject) {
    return new BackonConfigurationException(
        ConfigErrorCode.OUT_OF_RANGE,
        subject,
        "the value 0 is not allowed.",
        "change " + subject + ".");
  }

  /** An environment whose only properties are {@code values}, each set on line 7 of a file. */
  private static StandardEnvironment environmentWith(Map<String, String> values) {
    StandardEnvironment environment = new StandardEnvironment();
    Map<String, Object> tracked = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> tracked.put(name, OriginTrackedValue.of(value, LINE_7)));
    environment.getPropertySources().addFirst(new OriginTrackedMapPropertySource("yml", tracked));
    return environment;
  }

  private static String whereLine(@Nullable Environment environment, String subject) {
    FailureAnalysis report =
        new BackonConfigurationFailureAnalyzer(environment).analyze(outOfRange(subject));
    assertThat(report).as("a report").isNotNull();
    return report
        .getDescription()
        .lines()
        .filter(l -> l.contains("Where:"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aPropertySetInAFileIsReportedWithItsLine() {
    String subject = "backon.policies.payments.max-tries";

    assertThat(whereLine(environmentWith(Map.of(subject, "0")), subject))
        .isEqualTo(
            "    Where:   " + subject + " (from Byte array resource [application.yml] - 7:18)");
  }

  @Test
  void aPolicyNameWithCapitalsIsStillTracedToItsLine() {
    String subject = "backon.policies.Payments.max-tries";

    assertThat(whereLine(environmentWith(Map.of(subject, "0")), subject))
        .isEqualTo(
            "    Where:   " + subject + " (from Byte array resource [application.yml] - 7:18)");
  }

  @Test
  void aSubjectThatIsNotAPropertyIsReportedAsItIs() {
    String subject = "@Backon on com.example.PaymentService.charge(String)";

    assertThat(
            whereLine(environmentWith(Map.of("backon.policies.payments.max-tries", "0")), subject))
        .isEqualTo("    Where:   " + subject);
  }

  @Test
  void withoutAnEnvironmentTheReportNamesThePropertyOnly() {
    assertThat(whereLine(null, "backon.policies.payments.max-tries"))
        .isEqualTo("    Where:   backon.policies.payments.max-tries");
  }

  @Test
  void aPropertySourceThatFailsToAnswerDoesNotLoseTheReport() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new PropertySource<Object>("vault", new Object()) {
              @Override
              public Object getProperty(String name) {
                throw new IllegalStateException("vault sealed");
              }
            });

    assertThat(whereLine(environment, "backon.policies.payments.max-tries"))
        .isEqualTo("    Where:   backon.policies.payments.max-tries");
  }

  @Test
  void anEnvironmentThatIsNotConfigurableDoesNotLoseTheReport() {
    Environment plain =
        (Environment)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Environment.class},
                (proxy, method, args) -> null);

    assertThat(whereLine(plain, "backon.policies.payments.max-tries"))
        .isEqualTo("    Where:   backon.policies.payments.max-tries");
  }
}
