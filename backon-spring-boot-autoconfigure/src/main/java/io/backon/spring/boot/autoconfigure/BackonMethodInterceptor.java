package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;

/**
 * The Backon advice of one bean: runs each {@code @Backon} method under its resolved policy.
 * Thread-safe; the method lookup is a map read after the first call of each method.
 *
 * <p>When Backon made the bean's proxy and its advisor is still the proxy's only one, no advice
 * runs inside Backon's: the advice chain is then just the target, and blocking attempts proceed the
 * proxy's own invocation instead of a clone (see {@link BackonMethod#invoke}).
 */
final class BackonMethodInterceptor implements MethodInterceptor {

  private final Map<Method, BackonMethod> methods;
  private final Map<Method, BackonMethod> byInvokedMethod = new ConcurrentHashMap<>();
  private final Class<?> targetClass;
  private final @Nullable Advised ownProxy;

  /**
   * @param ownProxy the configuration of the proxy Backon created for the bean; {@code null} when
   *     Backon's advisor was added to an existing proxy in front of other advice
   */
  BackonMethodInterceptor(
      Map<Method, BackonMethod> methods, Class<?> targetClass, @Nullable Advised ownProxy) {
    this.methods = Map.copyOf(methods);
    this.targetClass = targetClass;
    this.ownProxy = ownProxy;
  }

  /**
   * Whether no advice runs inside Backon's: the proxy is Backon's own and has no other advisor now
   * (another post-processor, or code at run time, may add one to it later).
   */
  private boolean innermost() {
    Advised proxy = ownProxy;
    return proxy != null && proxy.getAdvisorCount() == 1;
  }

  /** The resolved method for {@code method}, if it is one of this bean's @Backon methods. */
  java.util.Optional<BackonMethod> methodFor(Method method) {
    BackonMethod found = methods.get(method);
    return java.util.Optional.ofNullable(
        found != null ? found : methods.get(AopUtils.getMostSpecificMethod(method, targetClass)));
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
    return method.invoke(invocation, innermost());
  }
}
