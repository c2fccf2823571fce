package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers, for native images, what Backon reaches by reflection for some {@code @Backon} methods:
 * the types it scans for annotations (with their superclasses and interfaces), each fallback method
 * (invoked reflectively), the exception classes of {@code retryOn}/{@code abortOn} (loaded by name
 * when the policy is built), and each method's result type with its public methods and properties
 * (what a {@code retry-if} SpEL expression may read; a {@code retry-if} can come from properties at
 * run time, so every result type is registered). Stateless.
 */
final class BackonMethodHints {

  private BackonMethodHints() {}

  /**
   * Registers the hints of {@code methods} on {@code hints}.
   *
   * @param placeholders resolves {@code ${...}} in a fallback name; throws IllegalArgumentException
   *     when it cannot, and then every declared method of the type is registered for invocation
   */
  static void register(
      ReflectionHints hints,
      Collection<BackonAnnotatedMethod> methods,
      UnaryOperator<String> placeholders) {
    Set<Class<?>> scanned = new LinkedHashSet<>();
    BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
    for (BackonAnnotatedMethod found : methods) {
      if (scanned.add(found.type())) {
        registerHierarchy(hints, found.type());
      }
      Backon annotation = found.annotation();
      registerFallback(hints, found.type(), annotation.fallback(), placeholders);
      for (Class<?> exception : annotation.retryOn()) {
        hints.registerType(exception);
      }
      for (Class<?> exception : annotation.abortOn()) {
        hints.registerType(exception);
      }
      Class<?> result = resultType(found.method(), found.type());
      if (result != null) {
        hints.registerType(result, MemberCategory.INVOKE_PUBLIC_METHODS);
        bindings.registerReflectionHints(hints, result);
      }
    }
  }

  /**
   * The type and its supertypes: Backon lists their declared methods and reads their annotations.
   */
  private static void registerHierarchy(ReflectionHints hints, Class<?> type) {
    for (Class<?> current = type;
        current != null && current != Object.class;
        current = current.getSuperclass()) {
      hints.registerType(current);
    }
    for (Class<?> implemented : ClassUtils.getAllInterfacesForClassAsSet(type)) {
      hints.registerType(implemented);
    }
  }

  private static void registerFallback(
      ReflectionHints hints, Class<?> type, String rawName, UnaryOperator<String> placeholders) {
    if (rawName.isBlank()) {
      return;
    }
    String name;
    try {
      name = placeholders.apply(rawName);
    } catch (IllegalArgumentException unresolvable) {
      // Known only at run time: any declared method may be the one.
      for (Class<?> current = type;
          current != null && current != Object.class;
          current = current.getSuperclass()) {
        hints.registerType(current, MemberCategory.INVOKE_DECLARED_METHODS);
      }
      return;
    }
    for (Method candidate : ReflectionUtils.getUniqueDeclaredMethods(type)) {
      if (candidate.getName().equals(name)) {
        hints.registerMethod(candidate, ExecutableMode.INVOKE);
      }
    }
  }

  /**
   * What the method produces: its return type, or the element type of a future or publisher; null
   * for {@code void}, primitives, {@code Object} and types it cannot resolve.
   */
  static @Nullable Class<?> resultType(Method method, Class<?> type) {
    ResolvableType returned = ResolvableType.forMethodReturnType(method, type);
    ReturnKind kind;
    try {
      kind = ReturnKind.of(method, "");
    } catch (BackonConfigurationException unsupported) {
      return null; // the startup reports it
    }
    Class<?> result = (kind == ReturnKind.BLOCKING ? returned : returned.getGeneric(0)).resolve();
    return result == null || result.isPrimitive() || result == Object.class || result == Void.class
        ? null
        : result;
  }
}
