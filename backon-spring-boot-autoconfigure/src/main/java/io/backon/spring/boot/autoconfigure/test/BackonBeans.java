package io.backon.spring.boot.autoconfigure.test;

import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.BackonIntrospection;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Test helpers for {@code @Backon} beans. Combine with {@link io.backon.testing.BackonTesting}:
 * {@code assertRetried(() -> client.charge(order), 3)} counts the attempts a bean call made.
 */
public final class BackonBeans {

  private BackonBeans() {}

  /**
   * The resolved policy (named policy plus the annotation's overrides) that {@code bean}'s method
   * runs under. Works for class-based beans and for beans served by a JDK proxy (an HTTP interface
   * client, a repository) whose annotation sits on the interface.
   *
   * @param bean a bean from the application context (the Backon proxy)
   * @param methodName the annotated method
   * @param parameterTypes its parameter types
   * @throws IllegalArgumentException when the method does not exist or is not a {@code @Backon}
   *     method of that bean
   */
  public static RetryPolicy policyOf(Object bean, String methodName, Class<?>... parameterTypes) {
    boolean exists = false;
    for (Class<?> type : typesOf(bean)) {
      Method method = ReflectionUtils.findMethod(type, methodName, parameterTypes);
      if (method == null) {
        continue;
      }
      exists = true;
      Optional<RetryPolicy> policy = BackonIntrospection.policyOf(bean, method);
      if (policy.isPresent()) {
        return policy.get();
      }
    }
    if (!exists) {
      throw new IllegalArgumentException(
          "no method " + methodName + " with those parameters on " + bean.getClass());
    }
    throw new IllegalArgumentException(
        methodName
            + " of "
            + bean.getClass().getName()
            + " is not a @Backon method of a Backon proxy");
  }

  /** The bean's class behind any proxy, then the interfaces its proxies implement. */
  private static Set<Class<?>> typesOf(Object bean) {
    Set<Class<?>> types = new LinkedHashSet<>();
    Class<?> targetClass = AopUtils.getTargetClass(bean);
    types.add(targetClass);
    if (bean instanceof Advised advised) {
      types.addAll(Set.of(advised.getProxiedInterfaces()));
    }
    if (Proxy.isProxyClass(targetClass) || Proxy.isProxyClass(bean.getClass())) {
      types.addAll(ClassUtils.getAllInterfacesForClassAsSet(targetClass));
      types.addAll(ClassUtils.getAllInterfacesForClassAsSet(bean.getClass()));
    }
    return types;
  }
}
