package io.backon.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Settings operators give as environment variables and system properties, where Spring Boot's
 * binding alone falls short of the README's promises. Runs once, on the bound {@link
 * BackonProperties}, before anything reads them:
 *
 * <ul>
 *   <li>an unknown key inside a Backon group ({@code BACKON_POLICIES_PAYMENTS_MAXTRYS}, {@code
 *       -Dbackon.policies.payments.maxTrys}) fails the startup with {@code BACKON-CFG-002}, as it
 *       does in {@code application.yml} (Boot leaves these two sources out of its unknown-key
 *       check; other {@code BACKON_*} variables, such as Kubernetes service links, are left alone);
 *   <li>an environment variable cannot spell the dash of a name: {@code
 *       BACKON_CIRCUITBREAKERS_PAYMENTSAPI_FAILURETHRESHOLD} binds an entry {@code paymentsapi}.
 *       When only environment variables name that entry and exactly one configured entry of the
 *       same map reads the same without its dashes ({@code payments-api}), its settings override
 *       that entry's, instead of making a second, unused breaker, budget or policy.
 * </ul>
 */
final class OperatorSettings implements BeanPostProcessor {

  private static final ConfigurationPropertyName BACKON = ConfigurationPropertyName.of("backon");

  /** The groups of {@code backon.*} whose keys are checked, dashes removed. */
  private static final Set<String> GROUPS =
      Set.of(
          "defaults",
          "policies",
          "circuitbreakerdefaults",
          "circuitbreakers",
          "budgetdefaults",
          "budgets",
          "http",
          "observations",
          "metrics",
          "events",
          "dashboard");

  private final Environment environment;

  OperatorSettings(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof BackonProperties properties
        && environment instanceof ConfigurableEnvironment configurable) {
      rejectUnknownKeys(configurable);
      mergeDashlessEntries(configurable, properties);
    }
    return bean;
  }

  private static void rejectUnknownKeys(ConfigurableEnvironment environment) {
    KnownNames known = new KnownNames();
    binder(ConfigurationPropertySources.get(environment), environment)
        .bind(BACKON, Bindable.of(BackonProperties.class), known);
    Map<String, ConfigurationProperty> unknown = new TreeMap<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (isOperatorSource(source) && source instanceof IterableConfigurationPropertySource all) {
        all.filter(name -> inGroup(name) && !known.covers(name)).stream()
            .forEach(
                name -> {
                  ConfigurationProperty property = source.getConfigurationProperty(name);
                  if (property != null) {
                    unknown.putIfAbsent(name.toString(), property);
                  }
                });
      }
    }
    if (!unknown.isEmpty()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNKNOWN_PROPERTY,
          unknown.values().stream()
              .map(OperatorSettings::describe)
              .collect(Collectors.joining("\n             ")),
          "Backon does not know these keys (a typo, or a setting that belongs elsewhere).",
          "correct or remove them; the configuration reference in the Backon README lists every"
              + " key (an environment variable spells it in capitals, its dots and dashes as _ and"
              + " nothing: BACKON_POLICIES_PAYMENTS_MAXTRIES).");
    }
  }

  private static void mergeDashlessEntries(
      ConfigurableEnvironment environment, BackonProperties properties) {
    merge(environment, "policies", properties.getPolicies());
    merge(environment, "circuit-breakers", properties.getCircuitBreakers());
    merge(environment, "budgets", properties.getBudgets());
  }

  private static <T> void merge(
      ConfigurableEnvironment environment, String map, Map<String, T> entries) {
    for (String key : new ArrayList<>(entries.keySet())) {
      List<String> dashed =
          entries.keySet().stream()
              .filter(other -> other.indexOf('-') >= 0 && undashed(other).equals(key))
              .toList();
      if (key.indexOf('-') >= 0 || dashed.size() != 1) {
        continue;
      }
      T target = entries.get(dashed.get(0));
      List<ConfigurationPropertySource> naming = sourcesNaming(environment, map, key);
      if (target == null
          || naming.isEmpty()
          || !naming.stream().allMatch(OperatorSettings::isEnvironment)) {
        continue; // a yml or system property named it so on purpose: two entries
      }
      binder(naming, environment).bind("backon." + map + "." + key, Bindable.ofInstance(target));
      entries.remove(key);
    }
  }

  /** The sources that name the entry {@code key} of {@code backon.<map>}, spelled exactly so. */
  private static List<ConfigurationPropertySource> sourcesNaming(
      ConfigurableEnvironment environment, String map, String key) {
    ConfigurationPropertyName prefix = ConfigurationPropertyName.of("backon." + map);
    List<ConfigurationPropertySource> naming = new ArrayList<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (source instanceof IterableConfigurationPropertySource all
          && all.stream()
              .anyMatch(
                  name ->
                      prefix.isAncestorOf(name)
                          && name.getNumberOfElements() > 2
                          && name.getElement(2, Form.ORIGINAL).equalsIgnoreCase(key))) {
        naming.add(source);
      }
    }
    return naming;
  }

  private static Binder binder(
      Iterable<ConfigurationPropertySource> sources, ConfigurableEnvironment environment) {
    ApplicationConversionService conversions = new ApplicationConversionService();
    conversions.addConverter(new LogLevelConverter());
    return new Binder(sources, new PropertySourcesPlaceholdersResolver(environment), conversions);
  }

  private static boolean inGroup(ConfigurationPropertyName name) {
    return BACKON.isAncestorOf(name)
        && name.getNumberOfElements() > 2
        && GROUPS.contains(undashed(name.getElement(1, Form.UNIFORM)));
  }

  /** Environment variables and system properties: the sources Boot's own check leaves out. */
  private static boolean isOperatorSource(ConfigurationPropertySource source) {
    return isEnvironment(source)
        || source.getUnderlyingSource() instanceof PropertySource<?> properties
            && StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(
                properties.getName());
  }

  private static boolean isEnvironment(ConfigurationPropertySource source) {
    return source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
  }

  private static String undashed(String name) {
    return name.replace("-", "").toLowerCase(Locale.ROOT);
  }

  private static String describe(ConfigurationProperty property) {
    return property.getName()
        + " = \""
        + property.getValue()
        + "\""
        + (property.getOrigin() != null ? " (from " + property.getOrigin() + ")" : "");
  }

  /** Records every name the binding reached, bound or not (a bad value is reported elsewhere). */
  private static final class KnownNames extends AbstractBindHandler {
    private final Set<ConfigurationPropertyName> names = new HashSet<>();

    @Override
    public @Nullable Object onSuccess(
        ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
      names.add(name);
      return result;
    }

    @Override
    public @Nullable Object onFailure(
        ConfigurationPropertyName name, Bindable<?> target, BindContext context, Exception error) {
      names.add(name);
      return null;
    }

    /** Whether {@code name} was bound, or is an element of a list or map that was. */
    boolean covers(ConfigurationPropertyName name) {
      for (ConfigurationPropertyName known : names) {
        if (known.equals(name) || known.isAncestorOf(name) && indexedBelow(known, name)) {
          return true;
        }
      }
      return false;
    }

    private static boolean indexedBelow(
        ConfigurationPropertyName known, ConfigurationPropertyName name) {
      for (int i = known.getNumberOfElements(); i < name.getNumberOfElements(); i++) {
        if (!name.isNumericIndex(i)) {
          return false;
        }
      }
      return true;
    }
  }
}
