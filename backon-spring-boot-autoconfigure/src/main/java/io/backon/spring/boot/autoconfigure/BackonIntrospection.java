package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import java.lang.reflect.Method;
import java.util.Optional;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;

/**
 * Reads what Backon resolved for a bean at startup, for tests and tools (the Actuator endpoint).
 * Thread-safe; read-only.
 */
public final class BackonIntrospection {

  private BackonIntrospection() {}

  /**
   * The policy {@code method} of the Backon-proxied {@code bean} runs under, if it is a @Backon
   * method.
   */
  public static Optional<RetryPolicy> policyOf(Object bean, Method method) {
    if (!(bean instanceof Advised advised)) {
      return Optional.empty();
    }
    for (Advisor advisor : advised.getAdvisors()) {
      if (advisor.getAdvice() instanceof BackonMethodInterceptor interceptor) {
        return interceptor.methodFor(method).map(m -> m.retrying().policy());
      }
    }
    return Optional.empty();
  }
}
