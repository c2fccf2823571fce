package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerBuilder;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.instrumentation.RetryInstrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the breakers, budgets and policies described by {@link BackonProperties} (plus the user's
 * beans) at startup, failing with a {@link BackonConfigurationException} on the first bad setting.
 */
final class PropertiesAssembly {

  private final BackonProperties properties;

  private final @Nullable RetryInstrumentation instrumentation;
  private final BackonThreads threads;
  private final List<BackonPolicyDecorator> decorators;

  /**
   * @param instrumentation put on every policy that has none (Micrometer, when configured)
   * @param threads where every policy runs work off the caller's thread
   * @param decorators applied in order to every policy, before it is put on {@code threads}
   */
  PropertiesAssembly(
      BackonProperties properties,
      @Nullable RetryInstrumentation instrumentation,
      BackonThreads threads,
      List<BackonPolicyDecorator> decorators) {
    this.properties = properties;
    this.instrumentation = instrumentation;
    this.threads = threads;
    this.decorators = List.copyOf(decorators);
  }

  CircuitBreakerRegistry breakers(
      List<CircuitBreaker> beans, List<BackonCircuitBreakerCustomizer> customizers) {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(breakerDefaults());
    for (CircuitBreaker bean : beans) {
      rejectDuplicate(
          "circuit-breakers",
          bean.name(),
          properties.getCircuitBreakers().keySet(),
          "CircuitBreaker");
      registry.register(bean);
    }
    properties
        .getCircuitBreakers()
        .forEach(
            (name, own) -> {
              SettingSource section = SettingSource.properties("backon.circuit-breakers." + name);
              LayeredSettings<CircuitBreakerProperties> settings =
                  LayeredSettings.empty(CircuitBreakerProperties::new)
                      .overlay(
                          properties.getCircuitBreakerDefaults(),
                          SettingSource.properties("backon.circuit-breaker-defaults"))
                      .overlay(own, section);
              registry.breaker(
                  name,
                  builder -> {
                    CircuitBreakerAssembler.apply(settings, section, builder);
                    customizers.forEach(c -> c.customize(name, builder));
                    validate(settings, section, builder);
                  });
            });
    return registry;
  }

  /**
   * The settings of {@code backon.circuit-breaker-defaults} as the registry's defaults, so that
   * breakers made later (one per HTTP host, or {@code registry.breaker(name)}) start from them too;
   * the core defaults when those settings need a breaker's own section to be complete (each named
   * breaker is still checked with its own section).
   */
  private CircuitBreakerBuilder breakerDefaults() {
    CircuitBreakerBuilder builder = CircuitBreaker.builder("defaults");
    SettingSource defaults = SettingSource.properties("backon.circuit-breaker-defaults");
    // An exception list needs no other setting: a class in it that is not an exception is an error
    // even when no named breaker uses the defaults.
    CircuitBreakerProperties lists = properties.getCircuitBreakerDefaults();
    ConfigChecks.throwables(defaults.describe("recordOn"), lists.getRecordOn());
    ConfigChecks.throwables(defaults.describe("ignoreOn"), lists.getIgnoreOn());
    try {
      CircuitBreakerAssembler.apply(
          LayeredSettings.empty(CircuitBreakerProperties::new)
              .overlay(properties.getCircuitBreakerDefaults(), defaults),
          SettingSource.properties("backon.circuit-breakers.<name>"),
          builder);
      builder.buildConfig();
      return builder;
    } catch (BackonConfigurationException
        | IllegalArgumentException
        | IllegalStateException partial) {
      return CircuitBreaker.builder("defaults");
    }
  }

  /**
   * Runs the core builder's rules over the combined settings; a broken rule names the properties.
   */
  private static void validate(
      LayeredSettings<CircuitBreakerProperties> settings,
      SettingSource section,
      CircuitBreakerBuilder builder) {
    try {
      builder.buildConfig();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw BuilderRuleTranslation.contradiction(
          String.valueOf(e.getMessage()), settings, section, CircuitBreakerProperties.class);
    }
  }

  RetryBudgetRegistry budgets(List<RetryBudget> beans) {
    RetryBudgetRegistry registry = RetryBudgetRegistry.create();
    for (RetryBudget bean : beans) {
      rejectDuplicate("budgets", bean.name(), properties.getBudgets().keySet(), "RetryBudget");
      registry.register(bean);
    }
    properties
        .getBudgets()
        .forEach(
            (name, own) -> {
              SettingSource section = SettingSource.properties("backon.budgets." + name);
              LayeredSettings<BudgetProperties> settings =
                  LayeredSettings.empty(BudgetProperties::new)
                      .overlay(
                          properties.getBudgetDefaults(),
                          SettingSource.properties("backon.budget-defaults"))
                      .overlay(own, section);
              registry.budget(
                  name,
                  builder -> {
                    BudgetProperties p = settings.values();
                    if (p.getMaxTokens() != null) {
                      ConfigChecks.apply(
                          settings.describe("maxTokens", section),
                          p.getMaxTokens(),
                          builder::maxTokens);
                    }
                    if (p.getTokenRatio() != null) {
                      ConfigChecks.apply(
                          settings.describe("tokenRatio", section),
                          p.getTokenRatio(),
                          builder::tokenRatio);
                    }
                  });
            });
    return registry;
  }

  /**
   * A {@link Retrying} of {@code policy}, decorated by the {@link BackonPolicyDecorator}s, on the
   * application's {@linkplain BackonThreads threads}, switched off when {@code
   * backon.enabled=false} (otherwise a policy's own {@code enabled: false} stays off).
   */
  Retrying retryingOf(RetryPolicy policy) {
    RetryPolicy decorated = policy;
    for (BackonPolicyDecorator decorator : decorators) {
      decorated = decorator.decorate(decorated);
    }
    Retrying retrying = Retrying.of(threads.adopt(decorated));
    return properties.isEnabled() ? retrying : retrying.withEnabled(false);
  }

  RetryPolicyRegistry policies(
      Map<String, RetryPolicy> beans,
      PolicyAssembler assembler,
      List<BackonPolicyCustomizer> customizers) {
    if (properties.getDefaults().getExtends() != null) {
      throw ConfigChecks.contradiction(
          "backon.defaults.extends",
          "backon.defaults cannot extend another policy: every policy already extends the defaults.",
          "remove backon.defaults.extends.");
    }
    if (properties.getPolicies().containsKey(RetryPolicy.DEFAULT_NAME)) {
      throw ConfigChecks.contradiction(
          "backon.policies." + RetryPolicy.DEFAULT_NAME,
          "the policy 'default' is configured under backon.defaults, which every policy extends.",
          "move these settings to backon.defaults.");
    }
    new HedgeCount(properties.isMaxHedgesIncludesFirst()).checkAll(properties);
    Map<String, Retrying> retryings = new LinkedHashMap<>();
    Map<String, Map<String, SettingOrigin>> origins = new LinkedHashMap<>();
    beans.forEach(
        (name, policy) -> {
          rejectDuplicate("policies", name, properties.getPolicies().keySet(), "RetryPolicy");
          // An unnamed bean would report as 'default' in events, logs and meters, mixed with the
          // real one.
          RetryPolicy named =
              RetryPolicy.DEFAULT_NAME.equals(policy.name())
                      && !RetryPolicy.DEFAULT_NAME.equals(name)
                  ? policy.toBuilder().name(name).build()
                  : policy;
          RetryPolicy instrumented =
              instrumentation != null && named.instrumentation() == RetryInstrumentation.NONE
                  ? named.toBuilder().instrumentation(instrumentation).build()
                  : named;
          retryings.put(name, retryingOf(instrumented));
          origins.put(
              name,
              new PolicyOrigins(
                      LayeredSettings.empty(PolicyProperties::new), "", SettingOrigin.Kind.BEAN)
                  .of(instrumented));
        });
    Set<String> names = new LinkedHashSet<>();
    if (!beans.containsKey(RetryPolicy.DEFAULT_NAME)) {
      names.add(RetryPolicy.DEFAULT_NAME);
    }
    names.addAll(properties.getPolicies().keySet());
    for (String name : names) {
      LayeredSettings<PolicyProperties> settings = settingsOf(name);
      PolicyOrigins origin =
          new PolicyOrigins(settings, sectionOf(name).section(), SettingOrigin.Kind.BUILT_IN);
      RetryPolicy policy =
          newBuilder(name, settings, sectionOf(name), assembler, customizers, origin).build();
      FirstRetryCheck.check(policy, settings, sectionOf(name));
      retryings.put(name, retryingOf(policy));
      origins.put(name, origin.of(policy));
    }
    return new RetryPolicyRegistry(retryings, names, origins, properties.isEnabled());
  }

  /**
   * A builder with {@code settings} applied and then the customizers.
   *
   * @param origins told what the builder builds before the customizers run
   */
  RetryPolicyBuilder newBuilder(
      String name,
      LayeredSettings<PolicyProperties> settings,
      SettingSource own,
      PolicyAssembler assembler,
      List<BackonPolicyCustomizer> customizers,
      PolicyOrigins origins) {
    RetryPolicyBuilder builder = RetryPolicy.builder().name(name);
    if (instrumentation != null) {
      builder.instrumentation(instrumentation);
    }
    assembler.apply(settings, own, true, builder);
    if (!customizers.isEmpty()) {
      origins.beforeCustomizers(builder);
    }
    customizers.forEach(c -> c.customize(name, builder));
    return builder;
  }

  static SettingSource sectionOf(String name) {
    return SettingSource.properties(
        RetryPolicy.DEFAULT_NAME.equals(name) ? "backon.defaults" : "backon.policies." + name);
  }

  /** The defaults, then the {@code extends} chain from its root, then the policy itself. */
  LayeredSettings<PolicyProperties> settingsOf(String name) {
    List<String> chain = new ArrayList<>();
    String current = name;
    while (current != null && !RetryPolicy.DEFAULT_NAME.equals(current)) {
      if (chain.contains(current)) {
        chain.add(current);
        throw new BackonConfigurationException(
            ConfigErrorCode.EXTENDS_CYCLE,
            "backon.policies." + name + ".extends",
            "the extends chain loops: " + String.join(" -> ", chain) + ".",
            "remove one of the extends settings in that chain.");
      }
      PolicyProperties policy = properties.getPolicies().get(current);
      if (policy == null) {
        String child = chain.get(chain.size() - 1);
        throw new BackonConfigurationException(
            ConfigErrorCode.UNKNOWN_POLICY,
            "backon.policies." + child + ".extends",
            "the policy '"
                + current
                + "' it extends is not configured (known: "
                + properties.getPolicies().keySet()
                + ").",
            "fix the name, or define backon.policies."
                + current
                + " (extends only reaches policies defined in properties, not RetryPolicy beans).");
      }
      chain.add(current);
      current = policy.getExtends();
    }
    LayeredSettings<PolicyProperties> settings =
        LayeredSettings.empty(PolicyProperties::new)
            .overlay(properties.getDefaults(), SettingSource.properties("backon.defaults"));
    for (int i = chain.size() - 1; i >= 0; i--) {
      String link = chain.get(i);
      PolicyProperties policy = properties.getPolicies().get(link);
      if (policy != null) {
        settings.overlay(policy, sectionOf(link));
      }
    }
    return settings;
  }

  private static void rejectDuplicate(
      String section, String name, Set<String> configured, String type) {
    if (configured.contains(name)) {
      throw new BackonConfigurationException(
          ConfigErrorCode.DUPLICATE_DEFINITION,
          "backon." + section + "." + name,
          "'" + name + "' is defined both in properties and as a " + type + " bean.",
          "keep one definition: remove backon." + section + "." + name + " or the bean.");
    }
  }
}
