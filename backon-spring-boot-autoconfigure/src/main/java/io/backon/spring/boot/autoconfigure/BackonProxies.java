package io.backon.spring.boot.autoconfigure;

import java.lang.reflect.Proxy;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.AopConfigException;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.util.ClassUtils;

/**
 * Shapes the proxies Backon creates itself, in one place, so that the proxy class Spring AOT
 * generates at build time ({@link #predictedClass}) is exactly the class the running application
 * asks for ({@link #forBean}). Spring names generated proxy classes by their target class and order
 * ({@code Target$$SpringCGLIB$$0}); with {@code spring.aot.enabled=true} or in a native image it
 * loads that class instead of generating one, so both sides must agree on the target class, the
 * interfaces and the proxy settings. Stateless.
 */
final class BackonProxies {

  private BackonProxies() {}

  /** A class-based proxy factory for {@code bean} (which must not already be a Spring proxy). */
  static ProxyFactory forBean(Object bean) {
    ProxyFactory factory = forClass(bean.getClass());
    factory.setTarget(bean);
    return factory;
  }

  /**
   * The class of the proxy that {@link BackonAnnotationBeanPostProcessor} will put in front of a
   * bean of {@code beanClass}: a CGLIB subclass for a class with {@code @Backon} methods, a JDK
   * proxy for an interface with some; else {@code beanClass} itself, as also for a class that is
   * already a Spring proxy (the advisor joins that proxy), AOP infrastructure (never advised) or a
   * class that cannot be proxied (the startup reports why).
   */
  static Class<?> predictedClass(Class<?> beanClass) {
    if (SpringProxy.class.isAssignableFrom(beanClass)
        || Proxy.isProxyClass(beanClass)
        || AopInfrastructureBean.class.isAssignableFrom(beanClass)
        || BackonAnnotatedMethod.findAll(beanClass).isEmpty()) {
      return beanClass;
    }
    try {
      return forClass(beanClass).getProxyClass(beanClass.getClassLoader());
    } catch (AopConfigException | IllegalArgumentException cannotProxy) {
      return beanClass;
    }
  }

  /**
   * The factory for {@code targetClass}. A JDK proxy keeps exactly its own interfaces (not also
   * {@code Serializable}, which every {@link Proxy} implements), so that the proxy of a bean
   * declared as an interface can be predicted from that interface alone.
   */
  private static ProxyFactory forClass(Class<?> targetClass) {
    ProxyFactory factory = new ProxyFactory();
    factory.setTargetClass(targetClass);
    factory.setInterfaces(
        Proxy.isProxyClass(targetClass)
            ? targetClass.getInterfaces()
            : ClassUtils.getAllInterfacesForClass(targetClass));
    factory.setProxyTargetClass(true);
    return factory;
  }
}
