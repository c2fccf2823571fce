package io.backon.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds the {@code *-log-level} properties from Spring's level names ({@code TRACE}, {@code DEBUG},
 * {@code INFO}, {@code WARN}, {@code ERROR}, {@code FATAL} read as ERROR, {@code OFF}, as in {@code
 * logging.level.*}) as well as {@link System.Logger.Level}'s ({@code WARNING}, {@code ALL}), in any
 * case. An unknown name fails the binding, which {@link BackonBindFailureAnalyzer} reports as
 * {@code BACKON-CFG-001} listing {@link #ACCEPTED}. Stateless and thread-safe.
 */
final class LogLevelConverter implements Converter<String, Level> {

  /** The names an error message offers, lowercase. */
  static final String ACCEPTED =
      "trace, debug, info, warn, error, off "
          + "(System.Logger's warning and all work too; any case)";

  /** Registered by {@link BackonAutoConfiguration} for configuration properties binding. */
  LogLevelConverter() {}

  /** The level named {@code name}; {@code null} for a blank value (the setting stays unset). */
  @Override
  @SuppressWarnings("NullAway") // Converter allows a null result: the property then stays unset
  public @Nullable Level convert(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT);
    return switch (key) {
      case "" -> null;
      case "WARN", "WARNING" -> Level.WARNING;
      case "FATAL", "ERROR" -> Level.ERROR;
      case "ALL", "TRACE", "DEBUG", "INFO", "OFF" -> Level.valueOf(key);
      default ->
          throw new IllegalArgumentException(
              "no log level named '" + name + "'; use one of: " + ACCEPTED);
    };
  }
}
