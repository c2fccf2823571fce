package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The method named by {@code @Backon(fallback = "...")}: same parameters as the annotated method,
 * optionally followed by one {@link Throwable} (or subtype) parameter, and a return type assignable
 * to the annotated method's. Resolved and validated at startup. When its last parameter is a
 * Throwable subtype and the failure is not of that type, the failure propagates unchanged.
 * Immutable and thread-safe.
 */
final class FallbackMethod {

  private final Method method;
  private final @Nullable Class<?> failureType;

  private FallbackMethod(Method method, @Nullable Class<?> failureType) {
    this.method = method;
    this.failureType = failureType;
    ReflectionUtils.makeAccessible(method);
  }

  /** Finds and checks the fallback {@code name} for {@code annotated} on {@code targetClass}. */
  static FallbackMethod resolve(
      Class<?> targetClass, String name, Method annotated, String subject) {
    Class<?>[] params = annotated.getParameterTypes();
    List<Method> named = new ArrayList<>();
    for (Method candidate : ReflectionUtils.getUniqueDeclaredMethods(targetClass)) {
      if (candidate.getName().equals(name) && !candidate.isBridge()) {
        named.add(candidate);
      }
    }
    String expected = expectedSignature(annotated, name, targetClass);
    if (named.isEmpty()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.FALLBACK_NOT_FOUND,
          subject,
          "the fallback method '" + name + "' does not exist on " + targetClass.getName() + ".",
          "add a method "
              + expected
              + " to "
              + targetClass.getSimpleName()
              + ", or fix the fallback name.");
    }
    List<Method> fitting = new ArrayList<>();
    for (Method candidate : named) {
      Class<?>[] types = candidate.getParameterTypes();
      if (!returnFits(annotated, candidate, targetClass)) {
        continue;
      }
      if (Arrays.equals(types, params)
          || (types.length == params.length + 1
              && Arrays.equals(Arrays.copyOf(types, params.length), params)
              && Throwable.class.isAssignableFrom(types[params.length]))) {
        fitting.add(candidate);
      }
    }
    if (fitting.isEmpty()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.FALLBACK_SIGNATURE,
          subject,
          "no method named '"
              + name
              + "' on "
              + targetClass.getName()
              + " fits: found "
              + named.stream().map(m -> describe(m, targetClass)).collect(Collectors.joining(", "))
              + ".",
          "declare it as " + expected + ".");
    }
    if (fitting.size() > 1) {
      // Which one would be called must not depend on the order reflection lists them in.
      throw new BackonConfigurationException(
          ConfigErrorCode.FALLBACK_SIGNATURE,
          subject,
          fitting.size()
              + " methods named '"
              + name
              + "' fit: "
              + fitting.stream()
                  .map(m -> describe(m, targetClass))
                  .sorted()
                  .collect(Collectors.joining(", "))
              + "; Backon calls exactly one fallback.",
          "keep one method named "
              + name
              + " (it may take a Throwable and check its type), or rename the others.");
    }
    Method chosen = fitting.get(0);
    Class<?>[] types = chosen.getParameterTypes();
    return new FallbackMethod(chosen, types.length == params.length ? null : types[params.length]);
  }

  /**
   * Whether {@code candidate}'s value can stand for {@code annotated}'s: {@code void} for {@code
   * void}, else assignable with the type arguments both declare on {@code targetClass} (a {@code
   * CompletableFuture<Integer>} does not fit a {@code CompletableFuture<String>} method; a type
   * variable the class binds, as in {@code T find(ID)} of a generic base class, is resolved first).
   */
  private static boolean returnFits(Method annotated, Method candidate, Class<?> targetClass) {
    if (annotated.getReturnType() == void.class) {
      return candidate.getReturnType() == void.class;
    }
    if (!ClassUtils.isAssignable(annotated.getReturnType(), candidate.getReturnType())) {
      return false;
    }
    return returnType(annotated, targetClass).isAssignableFrom(returnType(candidate, targetClass));
  }

  private static ResolvableType returnType(Method method, Class<?> targetClass) {
    return ResolvableType.forMethodReturnType(method, targetClass);
  }

  /**
   * Whether this fallback answers a call that failed with {@code failure}: always, unless its
   * trailing parameter names a failure type that {@code failure} is not (then {@link #invoke}
   * throws {@code failure} itself). {@code null} (a rejected value) is always answered.
   */
  boolean takes(@Nullable Throwable failure) {
    return failureType == null || failure == null || failureType.isInstance(failure);
  }

  /**
   * Calls the fallback on {@code target}. The blocking engine adds {@code failure} to what the
   * fallback throws; the future and Reactor faces do so with {@link #suppressing}.
   *
   * @throws Throwable {@code failure} itself when the fallback does not accept its type; whatever
   *     the fallback throws
   */
  @Nullable Object invoke(Object target, @Nullable Object[] arguments, @Nullable Throwable failure)
      throws Throwable {
    @Nullable Object[] actual = arguments;
    if (failureType != null) {
      if (failure != null && !failureType.isInstance(failure)) {
        throw failure;
      }
      actual = Arrays.copyOf(arguments, arguments.length + 1);
      actual[arguments.length] = failure;
    }
    try {
      return method.invoke(target, actual);
    } catch (InvocationTargetException e) {
      throw e.getTargetException();
    }
  }

  /**
   * {@code thrown} (by {@link #invoke}) with {@code failure} suppressed, unless it is the failure
   * itself.
   */
  static Throwable suppressing(Throwable thrown, @Nullable Throwable failure) {
    if (failure != null && thrown != failure) {
      thrown.addSuppressed(failure);
    }
    return thrown;
  }

  Method method() {
    return method;
  }

  private static String expectedSignature(Method annotated, String name, Class<?> targetClass) {
    String params =
        Arrays.stream(annotated.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "));
    String withThrowable = params.isEmpty() ? "Throwable failure" : params + ", Throwable failure";
    String returns = returnTypeName(annotated, targetClass);
    return returns
        + " "
        + name
        + "("
        + params
        + ") or "
        + returns
        + " "
        + name
        + "("
        + withThrowable
        + ")";
  }

  private static String describe(Method method, Class<?> targetClass) {
    return returnTypeName(method, targetClass)
        + " "
        + method.getName()
        + "("
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** The return type as source code spells it, with simple names: {@code List<String>}. */
  private static String returnTypeName(Method method, Class<?> targetClass) {
    return simpleName(returnType(method, targetClass));
  }

  private static String simpleName(ResolvableType type) {
    Class<?> raw = type.resolve();
    if (raw == null || type.getType() instanceof WildcardType) {
      return type.getType().getTypeName();
    }
    if (!type.hasGenerics()) {
      return raw.getSimpleName();
    }
    return raw.getSimpleName()
        + Arrays.stream(type.getGenerics())
            .map(FallbackMethod::simpleName)
            .collect(Collectors.joining(", ", "<", ">"));
  }
}
