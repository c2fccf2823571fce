package io.backon.spring.boot.autoconfigure;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.util.ClassUtils;

/**
 * At build time (Spring AOT), registers the runtime hints each bean with {@code @Backon} methods
 * needs in a native image ({@link BackonMethodHints}). The proxy classes themselves are generated
 * through {@link BackonAnnotationBeanPostProcessor#determineBeanType}. Registered in {@code
 * META-INF/spring/aot.factories}; does nothing for beans without {@code @Backon} or when Backon's
 * post-processor is not in the context.
 */
final class BackonBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

  /** Instantiated by Spring's {@code aot.factories} loader. */
  BackonBeanRegistrationAotProcessor() {}

  @Override
  public @Nullable BeanRegistrationAotContribution processAheadOfTime(
      RegisteredBean registeredBean) {
    Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
    List<BackonAnnotatedMethod> methods = BackonAnnotatedMethod.findAll(beanClass);
    ConfigurableListableBeanFactory beanFactory = registeredBean.getBeanFactory();
    if (methods.isEmpty()
        || beanFactory.getBeanNamesForType(BackonAnnotationBeanPostProcessor.class, true, false)
                .length
            == 0) {
      return null;
    }
    return (generationContext, code) ->
        BackonMethodHints.register(
            generationContext.getRuntimeHints().reflection(),
            methods,
            text -> resolve(beanFactory, text));
  }

  /**
   * Resolves placeholders as the running application will; throws IllegalArgumentException when it
   * cannot.
   */
  private static String resolve(ConfigurableListableBeanFactory beanFactory, String text) {
    String resolved = beanFactory.resolveEmbeddedValue(text);
    if (resolved == null) {
      throw new IllegalArgumentException("unresolvable: " + text);
    }
    return resolved;
  }
}
