package io.backon.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.NativeDetector;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The exception lists ({@code retry-on}, {@code abort-on}, {@code record-on}, {@code ignore-on}) as
 * the binder sees them: typed {@code List<Class<? extends Throwable>>}, so the binder loads each
 * name itself (with Spring's {@code ClassUtils.forName}, which also accepts {@code Outer.Inner} for
 * a nested class) and fails the binding when it cannot. This class turns that failure into {@code
 * BACKON-CFG-004}, naming the one name that cannot be loaded.
 */
final class ExceptionClassNames {

  private ExceptionClassNames() {}

  /** Whether {@code target} is an exception list, or one entry of it ({@code retry-on[1]}). */
  static boolean isClassList(ResolvableType target) {
    Class<?> type = target.resolve(Object.class);
    if (type == Class.class) {
      return true;
    }
    return target.isArray()
        ? target.getComponentType().resolve(Object.class) == Class.class
        : target.asCollection().getGeneric(0).resolve(Object.class) == Class.class;
  }

  /**
   * The error for a bound value of an exception list that names a class the binder could not load.
   *
   * @param name the property bound ({@code backon.policies.p.retry-on} or {@code ...retry-on[1]})
   * @param value its value: one name, or several separated by commas
   * @param cause why the binding failed
   */
  static BackonConfigurationException notLoadable(
      ConfigurationPropertyName name, @Nullable Object value, @Nullable Throwable cause) {
    ConfigurationPropertyName list = name;
    while (list.isLastElementIndexed()) {
      list = list.getParent();
    }
    return ConfigChecks.classNotFound(
        list.toString(), firstNotLoadable(value), NativeDetector.inNativeImage(), cause);
  }

  /**
   * The first name in {@code value} that cannot be loaded as the binder loads it (with the thread's
   * context class loader); the whole value when every name loads.
   */
  private static String firstNotLoadable(@Nullable Object value) {
    String text = String.valueOf(value).trim();
    ClassLoader loader = ClassUtils.getDefaultClassLoader();
    for (String candidate : StringUtils.commaDelimitedListToStringArray(text)) {
      String trimmed = candidate.trim();
      if (!trimmed.isEmpty() && !ClassUtils.isPresent(trimmed, loader)) {
        return trimmed;
      }
    }
    return text;
  }
}
