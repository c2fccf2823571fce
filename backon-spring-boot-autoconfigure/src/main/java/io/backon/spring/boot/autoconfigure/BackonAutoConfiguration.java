package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.instrumentation.RetryInstrumentation;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * Auto-configures Backon: circuit breakers, retry budgets and retry policies from {@code backon.*}
 * (plus the application's own {@code CircuitBreaker}, {@code RetryBudget} and {@code RetryPolicy}
 * beans), and the {@code @Backon} advisor when Spring AOP is present. Each registry backs off when
 * the application defines its own. {@link BackonPolicyDecorator} beans decorate every policy.
 */
@AutoConfiguration
@EnableConfigurationProperties(BackonProperties.class)
@Import(BackonAutoConfiguration.AnnotationSupport.class)
@ImportRuntimeHints(BackonRuntimeHints.class)
public final class BackonAutoConfiguration {

  /**
   * Lets the {@code *-log-level} properties take Spring's level names ({@code WARN}) as well as
   * System.Logger's ({@code WARNING}). Static: needed before the properties are bound.
   */
  @Bean
  @ConfigurationPropertiesBinding
  static LogLevelConverter backonLogLevelConverter() {
    return new LogLevelConverter();
  }

  /**
   * Holds environment variables and system properties to the README's rules: an unknown key in a
   * Backon group fails the startup, and a dash-less name overrides the dashed entry it stands for.
   * Static: a post-processor.
   */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static OperatorSettings backonOperatorSettings(Environment environment) {
    return new OperatorSettings(environment);
  }

  @Bean
  @ConditionalOnMissingBean
  CircuitBreakerRegistry backonCircuitBreakerRegistry(
      BackonProperties properties,
      ObjectProvider<CircuitBreaker> breakers,
      ObjectProvider<BackonCircuitBreakerCustomizer> customizers,
      ConfigurableBeanFactory beanFactory) {
    return assembly(properties, beanFactory)
        .breakers(breakers.orderedStream().toList(), customizers.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  RetryBudgetRegistry backonRetryBudgetRegistry(
      BackonProperties properties,
      ObjectProvider<RetryBudget> budgets,
      ConfigurableBeanFactory beanFactory) {
    return assembly(properties, beanFactory).budgets(budgets.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  RetryPolicyRegistry backonRetryPolicyRegistry(
      BackonProperties properties,
      CircuitBreakerRegistry breakers,
      RetryBudgetRegistry budgets,
      ObjectProvider<BackonPolicyCustomizer> customizers,
      ConfigurableBeanFactory beanFactory) {
    PolicyAssembler assembler =
        new PolicyAssembler(
            breakers, budgets, new HedgeCount(properties.isMaxHedgesIncludesFirst()));
    return assembly(properties, beanFactory)
        .policies(
            ((ListableBeanFactory) beanFactory).getBeansOfType(RetryPolicy.class),
            assembler,
            customizers.orderedStream().toList());
  }

  /**
   * Where Backon runs attempts and hedged copies off the caller's thread: virtual threads unless
   * {@code spring.threads.virtual.enabled=false}, decorated by the context's {@code
   * TaskDecorator}s.
   */
  @Bean
  @ConditionalOnMissingBean
  BackonThreads backonThreads(Environment environment, ObjectProvider<TaskDecorator> decorators) {
    return BackonThreads.of(environment, decorators.orderedStream().toList());
  }

  private static PropertiesAssembly assembly(
      BackonProperties properties, ConfigurableBeanFactory beanFactory) {
    ListableBeanFactory beans = (ListableBeanFactory) beanFactory;
    return new PropertiesAssembly(
        properties,
        beans.getBeanProvider(RetryInstrumentation.class).getIfUnique(),
        beans.getBeanProvider(BackonThreads.class).getIfAvailable(BackonThreads::coreDefaults),
        beans.getBeanProvider(BackonPolicyDecorator.class).orderedStream().toList());
  }

  /** The {@code @Backon} advisor; needs Spring AOP (always there with the starter). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.aop.framework.ProxyFactory")
  static final class AnnotationSupport {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static BackonAnnotationBeanPostProcessor backonAnnotationBeanPostProcessor(
        ObjectProvider<BackonMethodFactory> factory) {
      return new BackonAnnotationBeanPostProcessor(factory);
    }

    /**
     * The annotated methods whose annotation changes their policy; shown by the Actuator endpoint.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    MethodPolicies backonMethodPolicies() {
      return new MethodPolicies();
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    BackonDeferredBeansCheck backonDeferredBeansCheck(
        ConfigurableListableBeanFactory beanFactory, ObjectProvider<BackonMethodFactory> factory) {
      return new BackonDeferredBeansCheck(beanFactory, factory);
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    BackonMethodFactory backonMethodFactory(
        BackonProperties properties,
        RetryPolicyRegistry registry,
        CircuitBreakerRegistry breakers,
        RetryBudgetRegistry budgets,
        ObjectProvider<BackonPolicyCustomizer> customizers,
        ConfigurableBeanFactory beanFactory,
        MethodPolicies methodPolicies) {
      return new BackonMethodFactory(
          registry,
          assembly(properties, beanFactory),
          new PolicyAssembler(
              breakers, budgets, new HedgeCount(properties.isMaxHedgesIncludesFirst())),
          customizers.orderedStream().toList(),
          new AnnotationOverrides(
              text -> {
                String resolved = beanFactory.resolveEmbeddedValue(text);
                return resolved != null ? resolved : text;
              }),
          methodPolicies);
    }
  }
}
