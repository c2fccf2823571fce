package io.backon.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns bad setting values into {@link BackonConfigurationException}s that name the setting. The
 * range rules themselves (durations, sizes, counts) live in the core builders; this class only
 * reports their failures under the property's name.
 */
final class ConfigChecks {

  private ConfigChecks() {}

  /**
   * Passes {@code value} to a core builder method; an {@link IllegalArgumentException} it throws
   * (the core validates every setting) becomes a configuration error naming {@code subject}.
   */
  static <V> void apply(String subject, V value, Consumer<V> setter) {
    create(
        subject,
        value,
        v -> {
          setter.accept(v);
          return v;
        });
  }

  /** Like {@link #apply}, for a core factory: its result, or the error naming {@code subject}. */
  static <V, R> R create(String subject, V value, Function<V, R> factory) {
    try {
      return factory.apply(value);
    } catch (IllegalArgumentException e) {
      throw outOfRange(subject, value, e);
    }
  }

  static BackonConfigurationException outOfRange(String subject, Object value, Exception e) {
    ConfigErrorCode code =
        value instanceof Duration ? ConfigErrorCode.INVALID_DURATION : ConfigErrorCode.OUT_OF_RANGE;
    return new BackonConfigurationException(
        code,
        subject,
        "the value " + display(value) + " is not allowed (" + e.getMessage() + ").",
        "change " + subject + " to a value that satisfies that rule.",
        e);
  }

  /**
   * Checks the classes bound to an exception list ({@code retry-on}, {@code abort-on}, {@code
   * record-on}, {@code ignore-on}). The binder has loaded each name (an unknown one fails the
   * binding, see {@link BackonBindFailureAnalyzer}) but checks no type bound and binds an empty
   * entry as null, so both are reported here.
   */
  @SuppressWarnings("unchecked")
  static Class<? extends Throwable>[] throwables(
      String subject, List<? extends @Nullable Class<?>> classes) {
    Class<?>[] checked = new Class<?>[classes.size()];
    for (int i = 0; i < checked.length; i++) {
      Class<?> type = classes.get(i);
      if (type == null) {
        throw new BackonConfigurationException(
            ConfigErrorCode.UNKNOWN_EXCEPTION_CLASS,
            subject,
            "entry " + (i + 1) + " of the list is empty (a stray comma?).",
            "remove the empty entry from " + subject + ".");
      }
      if (!Throwable.class.isAssignableFrom(type)) {
        throw new BackonConfigurationException(
            ConfigErrorCode.NOT_A_THROWABLE,
            subject,
            "the class '" + type.getName() + "' is not an exception (not a java.lang.Throwable).",
            "list only exception classes, e.g. java.io.IOException.");
      }
      checked[i] = type;
    }
    return (Class<? extends Throwable>[]) checked;
  }

  /**
   * The error for an exception class that cannot be loaded. In a native image, only the classes
   * Spring AOT registered when the image was built can be loaded by name.
   */
  static BackonConfigurationException classNotFound(
      String subject, String name, boolean inNativeImage, @Nullable Throwable cause) {
    if (inNativeImage) {
      return new BackonConfigurationException(
          ConfigErrorCode.UNKNOWN_EXCEPTION_CLASS,
          subject,
          "the exception class '"
              + name
              + "' is not registered in this native image (Spring AOT registers"
              + " the classes that backon.* and @Backon name in the configuration the image is built with).",
          "name "
              + name
              + " in the configuration the image is built from (its application.yml, or a profile"
              + " active during process-aot) and rebuild, or register it with @ImportRuntimeHints; check the spelling.",
          cause);
    }
    return new BackonConfigurationException(
        ConfigErrorCode.UNKNOWN_EXCEPTION_CLASS,
        subject,
        "the exception class '" + name + "' is not on the class path.",
        "use the fully-qualified name of an exception class on the class path, e.g."
            + " java.io.IOException (a nested class as Outer$Inner).",
        cause);
  }

  static BackonConfigurationException contradiction(String subject, String problem, String fix) {
    return new BackonConfigurationException(
        ConfigErrorCode.CONTRADICTORY_SETTINGS, subject, problem, fix);
  }

  /** {@code value} as users write it: durations as {@code 1s}, {@code -500ms}. */
  static String display(Object value) {
    if (value instanceof Duration d) {
      return d.isNegative()
          ? "-" + d.negated().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
          : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
    return String.valueOf(value);
  }
}
