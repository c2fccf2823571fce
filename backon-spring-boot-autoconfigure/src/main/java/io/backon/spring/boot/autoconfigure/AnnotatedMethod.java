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
import org.springframework.util.ReflectionUtils;

/**
 * One {@code @Backon} method found on a bean's type: the method, the type whose annotations apply
 * to it (the bean's class, or the interface a JDK proxy serves) and the annotation. Finding them
 * is shared by the post-processor (for each bean it creates) and the startup check of lazy and
 * scoped beans (for each definition), so both see the same methods.
 */
record AnnotatedMethod(Method method, Class<?> type, Backon annotation) {

  /**
   * The types whose methods a bean serves: its class, or for a JDK proxy (an HTTP interface
   * client, a Spring Data repository, whose target class does not implement the interface the
   * annotations are on) the interfaces the proxy implements.
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
  static List<AnnotatedMethod> in(Set<Class<?>> types) {
    List<AnnotatedMethod> found = new ArrayList<>();
    Set<Method> seen = new LinkedHashSet<>();
    for (Class<?> type : types) {
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
        Backon annotation = BackonMethodFactory.annotationOf(method, type);
        if (annotation != null && seen.add(method)) {
          found.add(new AnnotatedMethod(method, type, annotation));
        }
      }
    }
    return found;
  }
}
