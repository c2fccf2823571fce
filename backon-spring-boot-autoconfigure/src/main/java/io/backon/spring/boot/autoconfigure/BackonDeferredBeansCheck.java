package io.backon.spring.boot.autoconfigure;

import java.util.Set;
import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Checks at context refresh the {@code @Backon} methods of the beans not created then — lazy
 * singletons, prototypes and beans of other scopes (request, session) — so that their mistakes (an
 * unknown policy, a bad fallback, a final method) fail the startup with the same {@code BACKON-CFG}
 * error a singleton's would, rather than at first use. Each bean's type is read from its definition
 * without creating it (and without initializing a factory bean); a bean whose type cannot be known
 * that way is checked when it is created, as before. Runs once, after the singletons are created
 * (Boot never makes it lazy: it is a {@link SmartInitializingSingleton}).
 */
final class BackonDeferredBeansCheck implements SmartInitializingSingleton {

  private final ConfigurableListableBeanFactory beanFactory;
  private final ObjectProvider<BackonMethodFactory> factory;

  BackonDeferredBeansCheck(
      ConfigurableListableBeanFactory beanFactory, ObjectProvider<BackonMethodFactory> factory) {
    this.beanFactory = beanFactory;
    this.factory = factory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String name : beanFactory.getBeanDefinitionNames()) {
      if (createdLater(name)) {
        Class<?> type = beanFactory.getType(name, false);
        if (type != null && !AopInfrastructureBean.class.isAssignableFrom(type)) {
          check(type);
        }
      }
    }
  }

  /** Whether the bean {@code name} is a lazy singleton not created yet, or not a singleton. */
  private boolean createdLater(String name) {
    BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
    if (definition.isAbstract() || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
      return false;
    }
    if (definition.isSingleton()) {
      return definition.isLazyInit() && !beanFactory.containsSingleton(name);
    }
    return true;
  }

  private void check(Class<?> type) {
    for (BackonAnnotatedMethod found : BackonAnnotatedMethod.in(Set.of(type))) {
      factory.getObject().check(found.method(), found.type(), found.annotation());
    }
  }
}
