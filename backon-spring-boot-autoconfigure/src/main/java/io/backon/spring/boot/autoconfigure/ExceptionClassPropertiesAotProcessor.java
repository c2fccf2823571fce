package io.backon.spring.boot.autoconfigure;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * At build time (Spring AOT), registers for reflection every exception class that the build's
 * configuration names under {@code backon.*} ({@code retry-on}, {@code abort-on}, {@code
 * record-on}, {@code ignore-on}, in any policy, breaker or defaults): the binder loads them by name
 * (the lists are typed {@code List<Class<? extends Throwable>>}) when it binds {@link
 * BackonProperties}, which a native image allows only for registered classes. The names are read as
 * the strings written, so a name the build cannot load registers nothing and fails the startup as
 * on the JVM. Configuration that the build does not see (a profile active only at run time, an
 * environment variable set only in production) must name classes already registered, for example
 * through the same property in the build's {@code application.yml}. Registered in {@code
 * META-INF/spring/aot.factories}.
 */
final class ExceptionClassPropertiesAotProcessor implements BeanFactoryInitializationAotProcessor {

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("backon");

  /** The exception-list keys in uniform form (lower case, no dashes). */
  private static final Set<String> LIST_KEYS = Set.of("retryon", "aborton", "recordon", "ignoreon");

  /** Instantiated by Spring's {@code aot.factories} loader. */
  ExceptionClassPropertiesAotProcessor() {}

  @Override
  public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
      ConfigurableListableBeanFactory beanFactory) {
    if (beanFactory.getBeanNamesForType(BackonProperties.class, true, false).length == 0
        || !beanFactory.containsBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME)) {
      return null;
    }
    Environment environment =
        beanFactory.getBean(
            ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME, Environment.class);
    Set<String> names = exceptionClassNames(environment);
    if (names.isEmpty()) {
      return null;
    }
    ClassLoader loader = beanFactory.getBeanClassLoader();
    return (generationContext, code) ->
        register(generationContext.getRuntimeHints().reflection(), names, loader);
  }

  /** Every class name listed under an exception-list key below {@code backon}, sorted. */
  static Set<String> exceptionClassNames(Environment environment) {
    Set<ConfigurationPropertyName> lists = new TreeSet<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.stream()
            .filter(ROOT::isAncestorOf)
            .forEach(
                name -> {
                  ConfigurationPropertyName list = name;
                  while (list.isLastElementIndexed()) {
                    list = list.getParent();
                  }
                  if (LIST_KEYS.contains(list.getLastElement(Form.UNIFORM))) {
                    lists.add(list);
                  }
                });
      }
    }
    Binder binder = Binder.get(environment);
    Set<String> names = new TreeSet<>();
    for (ConfigurationPropertyName list : lists) {
      for (String name : binder.bind(list, Bindable.listOf(String.class)).orElse(List.of())) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    return names;
  }

  /**
   * Registers each class the build can load, found as the binder finds it ({@code
   * ClassUtils.forName}, so {@code Outer.Inner} registers the nested class {@code Outer$Inner});
   * the names the build cannot load fail the startup as on the JVM.
   */
  static void register(ReflectionHints hints, Set<String> names, @Nullable ClassLoader loader) {
    for (String name : names) {
      try {
        hints.registerType(ClassUtils.forName(name, loader));
      } catch (ClassNotFoundException | LinkageError notOnTheBuildsClassPath) {
        // BACKON-CFG-004 at startup, as on the JVM
      }
    }
  }
}
