package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@code @Backon} methods on every bean after initialization, validates them (unknown
 * policy, bad override, bad fallback fail the startup), and puts one Backon advisor in front of
 * them. When the bean is already proxied (for {@code @Transactional}, say), the advisor is added
 * first, so Backon always runs <em>outside</em> every other advice: each attempt gets its own
 * transaction. Users never order aspects.
 */
final class BackonAnnotationBeanPostProcessor implements BeanPostProcessor, Ordered, AopInfrastructureBean {

  private final ObjectProvider<BackonMethodFactory> factory;
  private final Set<Class<?>> withoutBackon = ConcurrentHashMap.newKeySet();

  BackonAnnotationBeanPostProcessor(ObjectProvider<BackonMethodFactory> factory) {
    this.factory = factory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof AopInfrastructureBean) {
      return bean;
    }
    Class<?> targetClass = AopUtils.getTargetClass(bean);
    if (withoutBackon.contains(targetClass)) {
      return bean;
    }
    if (!AnnotationUtils.isCandidateClass(targetClass, Backon.class)) {
      withoutBackon.add(targetClass);
      return bean;
    }
    Object target = singletonTarget(bean);
    Map<Method, BackonMethod> methods = new LinkedHashMap<>();
    BackonMethodFactory methodFactory = null;
    // A JDK proxy (an HTTP interface client, a mapper) has no class of its own to read: its interfaces declare the methods.
    Class<?>[] declaringTypes = Proxy.isProxyClass(targetClass) ? targetClass.getInterfaces() : new Class<?>[] {targetClass};
    for (Class<?> type : declaringTypes) {
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type, ReflectionUtils.USER_DECLARED_METHODS)) {
        Backon annotation = BackonMethodFactory.annotationOf(method, type);
        if (annotation == null) {
          continue;
        }
        if (methodFactory == null) {
          methodFactory = factory.getObject();
        }
        methods.put(method, methodFactory.create(method, type, annotation, target));
      }
    }
    if (methods.isEmpty()) {
      withoutBackon.add(targetClass);
      return bean;
    }
    if (bean instanceof Advised advised && !advised.isFrozen()) {
      advised.addAdvisor(0, advisor(methods, targetClass, null));
      return bean;
    }
    ProxyFactory proxyFactory = new ProxyFactory(bean);
    proxyFactory.setProxyTargetClass(true);
    proxyFactory.addAdvisor(advisor(methods, targetClass, proxyFactory));
    try {
      // The target's own loader: a proxy defined elsewhere (say the thread's context loader) cannot
      // subclass a package-private class.
      return proxyFactory.getProxy(targetClass.getClassLoader());
    } catch (AopConfigException e) {
      throw BackonMethodFactory.unproxyableClass(targetClass, methods.keySet().iterator().next(), e);
    }
  }

  /**
   * The Backon advisor of one bean.
   *
   * @param ownProxy the proxy configuration when Backon creates the proxy itself, else null
   */
  private static DefaultPointcutAdvisor advisor(Map<Method, BackonMethod> methods,
      Class<?> targetClass, @Nullable Advised ownProxy) {
    return new DefaultPointcutAdvisor(new BackonPointcut(methods.keySet()),
        new BackonMethodInterceptor(methods, targetClass, ownProxy));
  }

  /** The object a fallback runs on: the raw bean behind any existing proxy. */
  private static Object singletonTarget(Object bean) {
    if (bean instanceof Advised advised && advised.getTargetSource().isStatic()) {
      try {
        Object target = advised.getTargetSource().getTarget();
        if (target != null) {
          return target;
        }
      } catch (Exception e) {
        throw new IllegalStateException("cannot get the target of the proxied bean " + bean.getClass(), e);
      }
    }
    return bean;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
