package io.backon.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports {@code backon.*} values that cannot be bound — an unknown key ({@code BACKON-CFG-002}), a
 * class name in an exception list that cannot be loaded ({@code BACKON-CFG-004}) or another value
 * of the wrong type ({@code BACKON-CFG-001}) — with the property, its value, where it was set and
 * the fix. Other bind failures are left to Spring Boot's own analyzer.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class BackonBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

  /** Registered through {@code META-INF/spring.factories}. */
  public BackonBindFailureAnalyzer() {}

  @Override
  protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    String name = cause.getName().toString();
    if (!name.equals("backon") && !name.startsWith("backon.")) {
      return null;
    }
    Throwable reason = cause.getCause();
    if (reason instanceof UnboundConfigurationPropertiesException unbound) {
      String keys =
          unbound.getUnboundProperties().stream()
              .map(BackonBindFailureAnalyzer::describe)
              .sorted()
              .collect(Collectors.joining("\n             "));
      return report(
          ConfigErrorCode.UNKNOWN_PROPERTY,
          keys,
          "Backon does not know these keys (a typo, or a setting that belongs elsewhere).",
          "correct or remove them; the configuration reference in the Backon README lists every key.",
          cause);
    }
    ConfigurationProperty property = cause.getProperty();
    String where = property != null ? describe(property) : name;
    if (ExceptionClassNames.isClassList(cause.getTarget().getType())) {
      BackonConfigurationException unknown =
          ExceptionClassNames.notLoadable(
              cause.getName(), property != null ? property.getValue() : null, reason);
      return report(unknown.code(), where, unknown.problem(), unknown.fix(), cause);
    }
    Class<?> type = cause.getTarget().getType().resolve(Object.class);
    String problem =
        "the value cannot be converted to "
            + typeName(type)
            + (reason != null ? " (" + rootMessage(reason) + ")." : ".");
    String fix =
        type == System.Logger.Level.class
            ? "use one of: " + LogLevelConverter.ACCEPTED + "."
            : type.isEnum()
                ? "use one of: "
                    + Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        // POLICY (WaitKind, JitterKind) is the annotation's "not set", not a value
                        // to write
                        .filter(constant -> !constant.equals("POLICY"))
                        .map(
                            constant ->
                                constant.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", "))
                    + "."
                : type == java.time.Duration.class
                    ? "write a duration such as 500ms, 2s, 1m or PT1S."
                    : "write " + typeName(type) + ".";
    ConfigErrorCode code =
        type == java.time.Duration.class
            ? ConfigErrorCode.INVALID_DURATION
            : ConfigErrorCode.INVALID_VALUE;
    return report(code, where, problem, fix, cause);
  }

  private static FailureAnalysis report(
      ConfigErrorCode code, String where, String problem, String fix, Throwable cause) {
    String description =
        "Backon configuration error "
            + code.code()
            + ".\n\n"
            + "    Where:   "
            + where
            + "\n"
            + "    Problem: "
            + problem;
    return new FailureAnalysis(
        description, "Fix: " + fix + " (Error codes are listed in the Backon README.)", cause);
  }

  private static String describe(ConfigurationProperty property) {
    Origin origin = property.getOrigin();
    return property.getName()
        + " = \""
        + property.getValue()
        + "\""
        + (origin != null ? " (from " + origin + ")" : "");
  }

  private static String typeName(Class<?> type) {
    if (type.isEnum()) {
      return "one of the " + type.getSimpleName() + " values";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == java.time.Duration.class) {
      return "a duration";
    }
    return "a valid " + type.getSimpleName();
  }

  private static String rootMessage(Throwable reason) {
    Throwable root = reason;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
