package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.NativeDetector;

/**
 * Explains why Spring could not create the proxy that runs {@code @Backon} for a class, naming the
 * real cause: a final or private class, a proxy class that a native image cannot generate because
 * Spring AOT did not generate it at build time, or else the deepest cause's own message.
 */
final class ProxyCreationFailure {

  /** How Spring's CGLIB refuses to generate a class in a native image. */
  private static final String NATIVE_REFUSAL = "not supported on native image";

  private ProxyCreationFailure() {}

  /**
   * The startup error for {@code targetClass}, whose first {@code @Backon} method is {@code first},
   * after proxy creation failed with {@code cause}.
   */
  static BackonConfigurationException of(Class<?> targetClass, Method first, Exception cause) {
    String subject = "@Backon on " + BackonMethodFactory.describe(first, targetClass);
    Throwable root = rootCause(cause);
    if (NativeDetector.inNativeImage()
        || String.valueOf(root.getMessage()).contains(NATIVE_REFUSAL)) {
      return new BackonConfigurationException(
          ConfigErrorCode.UNPROXYABLE_METHOD,
          subject,
          "the proxy class for "
              + targetClass.getName()
              + " was not generated at build time, and a native"
              + " image cannot generate classes at run time ("
              + withoutFinalPeriod(root.getMessage())
              + ").",
          "build the image from sources processed by Spring AOT with this Backon version (spring-boot-maven-plugin"
              + " process-aot, as the native profile of spring-boot-starter-parent does); if the bean comes from a"
              + " @Bean method, declare the method's return type as "
              + targetClass.getSimpleName()
              + " so AOT sees the class it must proxy.",
          cause);
    }
    int modifiers = targetClass.getModifiers();
    if (Modifier.isFinal(modifiers) || Modifier.isPrivate(modifiers)) {
      return new BackonConfigurationException(
          ConfigErrorCode.UNPROXYABLE_METHOD,
          subject,
          "the class "
              + targetClass.getName()
              + " is "
              + (Modifier.isFinal(modifiers) ? "final" : "private")
              + ", so Spring cannot create the proxy that runs @Backon.",
          "make the class non-final and not private (in Kotlin: open, or the kotlin-spring plugin), or remove"
              + " @Backon from it.",
          cause);
    }
    return new BackonConfigurationException(
        ConfigErrorCode.UNPROXYABLE_METHOD,
        subject,
        "Spring cannot create the proxy that runs @Backon for "
            + targetClass.getName()
            + ": "
            + root.getClass().getName()
            + ": "
            + root.getMessage(),
        "remove that cause (the stack trace above shows where it comes from), or remove @Backon from "
            + targetClass.getSimpleName()
            + ".",
        cause);
  }

  private static String withoutFinalPeriod(@Nullable String message) {
    String text = String.valueOf(message);
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    for (Throwable next = root.getCause(); next != null && next != root; next = next.getCause()) {
      root = next;
    }
    return root;
  }
}
