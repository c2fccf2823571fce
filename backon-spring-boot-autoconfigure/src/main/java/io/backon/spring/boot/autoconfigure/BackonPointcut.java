package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/** Matches exactly the {@code @Backon} methods found on one bean. */
final class BackonPointcut extends StaticMethodMatcherPointcut {

  private final Set<Method> methods;

  BackonPointcut(Set<Method> methods) {
    this.methods = Set.copyOf(methods);
  }

  @Override
  public boolean matches(Method method, Class<?> targetClass) {
    return methods.contains(method)
        || methods.contains(AopUtils.getMostSpecificMethod(method, targetClass));
  }
}
