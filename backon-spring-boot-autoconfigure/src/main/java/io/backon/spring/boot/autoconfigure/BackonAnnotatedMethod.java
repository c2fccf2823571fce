package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A method {@code @Backon} applies to, with the type it was found on and the annotation that
 * applies (on the method, its class, or a meta-annotation). One rule for the post-processor that
 * advises beans at run time and for the AOT processors that prepare them at build time.
 *
 * @param method the annotated (or class-annotated) method
 * @param type the type whose methods were scanned: the bean's class, or an interface of a JDK proxy
 * @param annotation the {@code @Backon} that applies to the method
 */
record BackonAnnotatedMethod(Method method, Class<?> type, Backon annotation) {

  /**
   * The {@code @Backon} methods of {@code targetClass}, in declaration order; empty when there are
   * none. A JDK proxy class (an HTTP interface client, a mapper) has no methods of its own: its
   * interfaces are scanned instead.
   */
  static List<BackonAnnotatedMethod> findAll(Class<?> targetClass) {
    if (!AnnotationUtils.isCandidateClass(targetClass, Backon.class)) {
      return List.of();
    }
    Class<?>[] declaringTypes = Proxy.isProxyClass(targetClass)
        ? targetClass.getInterfaces() : new Class<?>[] {targetClass};
    List<BackonAnnotatedMethod> found = new ArrayList<>();
    for (Class<?> type : declaringTypes) {
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
        Backon annotation = BackonMethodFactory.annotationOf(method, type);
        if (annotation != null) {
          found.add(new BackonAnnotatedMethod(method, type, annotation));
        }
      }
    }
    return found;
  }
}
