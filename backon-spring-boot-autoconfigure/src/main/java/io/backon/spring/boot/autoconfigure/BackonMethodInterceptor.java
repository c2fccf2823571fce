package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;

/**
 * The Backon advice of one bean: runs each {@code @Backon} method under its resolved policy.
 * Thread-safe; the method lookup is a map read after the first call of each method.
 */
final class BackonMethodInterceptor implements MethodInterceptor {

  private final Map<Method, BackonMethod> methods;
  private final Map<Method, BackonMethod> byInvokedMethod = new ConcurrentHashMap<>();
  private final Class<?> targetClass;

  BackonMethodInterceptor(Map<Method, BackonMethod> methods, Class<?> targetClass) {
    this.methods = Map.copyOf(methods);
    this.targetClass = targetClass;
  }

  /** The resolved method for {@code method}, if it is one of this bean's @Backon methods. */
  java.util.Optional<BackonMethod> methodFor(Method method) {
    BackonMethod found = methods.get(method);
    return java.util.Optional.ofNullable(found != null ? found
        : methods.get(AopUtils.getMostSpecificMethod(method, targetClass)));
  }

  @Override
  public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
    Method invoked = invocation.getMethod();
    BackonMethod method = byInvokedMethod.get(invoked);
    if (method == null) {
      method = methods.get(invoked);
      if (method == null) {
        method = methods.get(AopUtils.getMostSpecificMethod(invoked, targetClass));
      }
      if (method == null) {
        return invocation.proceed();
      }
      byInvokedMethod.put(invoked, method);
    }
    return method.invoke(invocation);
  }
}
