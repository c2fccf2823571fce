package io.backon.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Reports a {@link BackonConfigurationException} anywhere in a failed startup's cause chain as a
 * short "what, where, how to fix" block with its stable code, instead of a bean-creation stack.
 * When the subject is a property, the report names where its value was set (a line of {@code
 * application.yml}, an environment variable, a system property), as Spring Boot's own bind report
 * does.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class BackonConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<BackonConfigurationException> {

  private final @Nullable Environment environment;

  /**
   * Registered through {@code META-INF/spring.factories}; Spring Boot passes the failed
   * application's environment.
   *
   * @param environment where the report looks up a property's origin; {@code null} when the
   *     application failed before it had one (the report then names the property only)
   */
  public BackonConfigurationFailureAnalyzer(@Nullable Environment environment) {
    this.environment = environment;
  }

  /** An analyzer without an environment: reports name the property, not its origin. */
  BackonConfigurationFailureAnalyzer() {
    this(null);
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BackonConfigurationException cause) {
    String description =
        "Backon configuration error "
            + cause.code().code()
            + ".\n\n"
            + "    Where:   "
            + cause.subject()
            + originOf(cause.subject())
            + "\n"
            + "    Problem: "
            + cause.problem();
    return new FailureAnalysis(
        description,
        "Fix: " + cause.fix() + " (Error codes are listed in the Backon README.)",
        cause);
  }

  /**
   * {@code " (from <origin>)"} when {@code subject} is a property set somewhere known, else "". A
   * failing lookup yields "" too: the report matters more than the origin.
   */
  private String originOf(String subject) {
    ConfigurationPropertyName name = propertyName(subject);
    if (!(environment instanceof ConfigurableEnvironment source) || name == null) {
      return "";
    }
    try {
      for (ConfigurationPropertySource properties : ConfigurationPropertySources.get(source)) {
        ConfigurationProperty property = properties.getConfigurationProperty(name);
        if (property != null) {
          Origin origin = property.getOrigin();
          return origin != null ? " (from " + origin + ")" : "";
        }
      }
    } catch (RuntimeException lookupFailed) { // e.g. a remote property source that is down
      return "";
    }
    return "";
  }

  /**
   * {@code subject} as a property name: as it is when it is in canonical form, else adapted when it
   * is a {@code backon.*} path with a map key in capitals ({@code backon.policies.Payments});
   * {@code null} for a subject that is no property (a method, an annotation).
   */
  private static @Nullable ConfigurationPropertyName propertyName(String subject) {
    if (ConfigurationPropertyName.isValid(subject)) {
      return ConfigurationPropertyName.of(subject);
    }
    if (!subject.startsWith("backon.") || !subject.matches("[A-Za-z0-9.\\[\\]_-]+")) {
      return null;
    }
    ConfigurationPropertyName adapted = ConfigurationPropertyName.adapt(subject, '.');
    return adapted.isEmpty() ? null : adapted;
  }
}
