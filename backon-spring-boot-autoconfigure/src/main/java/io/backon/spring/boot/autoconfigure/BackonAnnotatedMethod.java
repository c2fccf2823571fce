package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.aop.framework.Advised;
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
    Set<Class<?>> types = new LinkedHashSet<>();
    if (Proxy.isProxyClass(targetClass)) {
      Collections.addAll(types, targetClass.getInterfaces());
    } else {
      types.add(targetClass);
    }
    return in(types);
  }

  /**
   * The types whose methods a bean serves: its class, or for a JDK proxy (an HTTP interface client,
   * a Spring Data repository, whose target class does not implement the interface the annotations
   * are on) the interfaces the proxy implements.
   *
   * @param bean the bean instance, perhaps a proxy
   * @param targetClass its class behind any proxy
   */
  static Set<Class<?>> typesServedBy(Object bean, Class<?> targetClass) {
    Set<Class<?>> types = new LinkedHashSet<>();
    if (Proxy.isProxyClass(targetClass)) {
      Collections.addAll(types, targetClass.getInterfaces());
      return types;
    }
    types.add(targetClass);
    if (Proxy.isProxyClass(bean.getClass())) {
      if (bean instanceof Advised advised) {
        Collections.addAll(types, advised.getProxiedInterfaces());
      } else {
        Collections.addAll(types, bean.getClass().getInterfaces());
      }
    }
    return types;
  }

  /** The {@code @Backon} methods of {@code types}, in the order given, then declaration order. */
  static List<BackonAnnotatedMethod> in(Set<Class<?>> types) {
    List<BackonAnnotatedMethod> found = new ArrayList<>();
    Set<Method> seen = new LinkedHashSet<>();
    for (Class<?> type : types) {
      for (Method method :
          ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
        Backon annotation = BackonMethodFactory.annotationOf(method, type);
        if (annotation != null && seen.add(method)) {
          found.add(new BackonAnnotatedMethod(method, type, annotation));
        }
      }
    }
    return found;
  }
}
