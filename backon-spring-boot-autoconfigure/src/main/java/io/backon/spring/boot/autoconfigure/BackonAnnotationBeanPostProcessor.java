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
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Finds {@code @Backon} methods on every bean after initialization, validates them (unknown policy,
 * bad override, bad fallback fail the startup), and puts one Backon advisor in front of them. When
 * the bean is already proxied (for {@code @Transactional}, say), the advisor is added first, so
 * Backon always runs <em>outside</em> every other advice: each attempt gets its own transaction.
 * Users never order aspects. Under Spring AOT the proxy classes are generated at build time ({@link
 * #determineBeanType}), so native images and {@code spring.aot.enabled=true} work.
 */
final class BackonAnnotationBeanPostProcessor
    implements SmartInstantiationAwareBeanPostProcessor, Ordered, AopInfrastructureBean {

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
    // A JDK proxy (an HTTP interface client, a Spring Data repository) may serve interfaces its
    // target class does not implement, and proxies of one target class serve different ones: the
    // class alone then says nothing.
    boolean classSaysAll = targetClass == bean.getClass() || !Proxy.isProxyClass(bean.getClass());
    if (classSaysAll && withoutBackon.contains(targetClass)) {
      return bean;
    }
    if (classSaysAll && !AnnotationUtils.isCandidateClass(targetClass, Backon.class)) {
      withoutBackon.add(targetClass);
      return bean;
    }
    Object target = singletonTarget(bean);
    Map<Method, BackonMethod> methods = new LinkedHashMap<>();
    BackonMethodFactory methodFactory = null;
    Set<Class<?>> types = BackonAnnotatedMethod.typesServedBy(bean, targetClass);
    for (BackonAnnotatedMethod found : BackonAnnotatedMethod.in(types)) {
      if (methodFactory == null) {
        methodFactory = factory.getObject();
      }
      // A default method of such an interface runs on the proxy, not on a target that lacks it.
      Object fallbackTarget = found.type().isInstance(target) ? target : bean;
      methods.put(
          found.method(),
          methodFactory.create(found.method(), found.type(), found.annotation(), fallbackTarget));
    }
    if (methods.isEmpty()) {
      if (classSaysAll) {
        withoutBackon.add(targetClass);
      }
      return bean;
    }
    if (bean instanceof Advised advised && !advised.isFrozen()) {
      advised.addAdvisor(0, advisor(methods, targetClass, null));
      return bean;
    }
    ProxyFactory proxyFactory = BackonProxies.forBean(bean);
    proxyFactory.addAdvisor(advisor(methods, targetClass, proxyFactory));
    try {
      // The target's own loader: a proxy defined elsewhere (say the thread's context loader) cannot
      // subclass a package-private class.
      return proxyFactory.getProxy(targetClass.getClassLoader());
    } catch (AopConfigException e) {
      throw ProxyCreationFailure.of(targetClass, methods.keySet().iterator().next(), e);
    }
  }

  /**
   * The class the bean will have once advised, so that Spring AOT generates Backon's proxy classes
   * at build time (as it does for Spring's own advising post-processors); run time then loads them.
   */
  @Override
  public Class<?> determineBeanType(Class<?> beanClass, String beanName) {
    return BackonProxies.predictedClass(beanClass);
  }

  /**
   * The Backon advisor of one bean.
   *
   * @param ownProxy the proxy configuration when Backon creates the proxy itself, else null
   */
  private static DefaultPointcutAdvisor advisor(
      Map<Method, BackonMethod> methods, Class<?> targetClass, @Nullable Advised ownProxy) {
    return new DefaultPointcutAdvisor(
        new BackonPointcut(methods.keySet()),
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
        throw new IllegalStateException(
            "cannot get the target of the proxied bean " + bean.getClass(), e);
      }
    }
    return bean;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
