package io.backon.spring.boot.autoconfigure.test;

import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.BackonIntrospection;
import java.lang.reflect.Method;
import org.springframework.util.ReflectionUtils;

/**
 * Test helpers for {@code @Backon} beans. Combine with {@link io.backon.testing.BackonTesting}:
 * {@code assertRetried(() -> client.charge(order), 3)} counts the attempts a bean call made.
 */
public final class BackonBeans {

  private BackonBeans() {}

  /**
   * The resolved policy (named policy plus the annotation's overrides) that {@code bean}'s method
   * runs under.
   *
   * @param bean a bean from the application context (the Backon proxy)
   * @param methodName the annotated method
   * @param parameterTypes its parameter types
   * @throws IllegalArgumentException when the method does not exist or is not a {@code @Backon} method of that bean
   */
  public static RetryPolicy policyOf(Object bean, String methodName, Class<?>... parameterTypes) {
    Method method = ReflectionUtils.findMethod(org.springframework.aop.support.AopUtils.getTargetClass(bean),
        methodName, parameterTypes);
    if (method == null) {
      throw new IllegalArgumentException("no method " + methodName + " with those parameters on " + bean.getClass());
    }
    return BackonIntrospection.policyOf(bean, method).orElseThrow(() -> new IllegalArgumentException(
        methodName + " of " + bean.getClass().getName() + " is not a @Backon method of a Backon proxy"));
  }
}
