package io.backon.spring.boot.autoconfigure;

import io.backon.Backon;
import io.backon.Fallback;
import io.backon.RetryEvent;
import io.backon.RetryPolicy;
import io.backon.RetryPolicyBuilder;
import io.backon.Retrying;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Turns {@code @Backon} methods into {@link BackonMethod}s at startup: finds the annotation
 * (method, class or meta-annotation), applies its overrides to the named policy, resolves the
 * fallback, and rejects what cannot work with a {@link BackonConfigurationException}.
 */
final class BackonMethodFactory {

  /** The target of a method that is only checked: never called. */
  private static final Object NOT_CREATED = new Object();

  private final RetryPolicyRegistry registry;
  private final PropertiesAssembly assembly;
  private final PolicyAssembler assembler;
  private final List<BackonPolicyCustomizer> customizers;
  private final AnnotationOverrides overrides;
  private final MethodPolicies methodPolicies;

  BackonMethodFactory(
      RetryPolicyRegistry registry,
      PropertiesAssembly assembly,
      PolicyAssembler assembler,
      List<BackonPolicyCustomizer> customizers,
      AnnotationOverrides overrides,
      MethodPolicies methodPolicies) {
    this.registry = registry;
    this.assembly = assembly;
    this.assembler = assembler;
    this.customizers = customizers;
    this.overrides = overrides;
    this.methodPolicies = methodPolicies;
  }

  /**
   * The annotation that applies to {@code method} of {@code targetClass}, if any: the method's own,
   * else the class's for a public instance method other than the class annotation's fallback.
   */
  static @Nullable Backon annotationOf(Method method, Class<?> targetClass) {
    Backon onMethod = AnnotatedElementUtils.findMergedAnnotation(method, Backon.class);
    if (onMethod != null) {
      return onMethod;
    }
    if (!Modifier.isPublic(method.getModifiers())
        || method.getDeclaringClass() == Object.class
        || Modifier.isStatic(method.getModifiers())
        || method.isSynthetic()) {
      return null;
    }
    Backon onClass = AnnotatedElementUtils.findMergedAnnotation(targetClass, Backon.class);
    // The class's fallback answers its methods; it is not one of the methods that retry.
    return onClass != null && onClass.fallback().trim().equals(method.getName()) ? null : onClass;
  }

  /**
   * Whether the annotation sits on the method itself (so a final or private method is a mistake).
   */
  static boolean annotatedDirectly(Method method) {
    return AnnotatedElementUtils.hasAnnotation(method, Backon.class);
  }

  /**
   * Checks {@code method} as {@link #create} does, for a bean that is not created yet (a lazy or
   * scoped bean, at startup); throws the same {@link BackonConfigurationException}.
   */
  void check(Method method, Class<?> targetClass, Backon annotation) {
    create(method, targetClass, annotation, NOT_CREATED);
  }

  BackonMethod create(Method method, Class<?> targetClass, Backon annotation, Object target) {
    String description = describe(method, targetClass);
    String subject = "@Backon on " + description;
    SettingSource source = SettingSource.annotation(description);
    checkProxyable(method, subject, targetClass);
    OtherRetryAnnotations.reject(method, targetClass, subject);
    String policyName = overrides.policyName(annotation, source);
    if (registry.find(policyName).isEmpty()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNKNOWN_POLICY,
          source.describe("value"),
          "no retry policy named '" + policyName + "' (known: " + registry.names() + ").",
          "define backon.policies."
              + policyName
              + " or a RetryPolicy bean named '"
              + policyName
              + "', or fix the name in the annotation.");
    }
    ReturnKind kind = ReturnKind.of(method, subject);
    PolicyProperties layer = overrides.read(annotation, source);
    String fallbackName = overrides.fallback(annotation, source);
    FallbackMethod fallback =
        fallbackName == null
            ? null
            : FallbackMethod.resolve(
                targetClass, fallbackName, method, source.describe("fallback"));
    LayeredSettings<PolicyProperties> own =
        LayeredSettings.empty(PolicyProperties::new).overlay(layer, source);
    boolean inProperties = registry.definedInProperties(policyName);
    // Every Backon setting of the method: the policy's layers (when it comes from properties), then
    // the annotation.
    LayeredSettings<PolicyProperties> settings =
        inProperties ? assembly.settingsOf(policyName).overlay(layer, source) : own;
    boolean overridden = hasAnySetting(own);
    Retrying retrying = registry.retrying(policyName);
    if (overridden || fallback != null) {
      RetryPolicyBuilder builder;
      PolicyOrigins origins;
      if (inProperties) {
        origins =
            new PolicyOrigins(
                settings,
                PropertiesAssembly.sectionOf(policyName).section(),
                SettingOrigin.Kind.BUILT_IN);
        builder =
            assembly.newBuilder(policyName, settings, source, assembler, customizers, origins);
      } else {
        rejectHedgesOffOnHedgingBean(layer, retrying, policyName, source);
        origins = new PolicyOrigins(own, "", SettingOrigin.Kind.BEAN);
        builder = retrying.policy().toBuilder();
        assembler.apply(own, source, false, builder);
      }
      if (fallback != null) {
        builder.fallback(
            kind == ReturnKind.BLOCKING
                ? blockingFallback(fallback, target)
                : Fallback.appliedByCaller(fallback::takes));
      }
      RetryPolicy policy;
      try {
        policy = builder.build();
      } catch (IllegalStateException e) {
        throw new BackonConfigurationException(
            ConfigErrorCode.CONTRADICTORY_SETTINGS,
            subject,
            "the overrides do not fit the policy '" + policyName + "' (" + e.getMessage() + ").",
            "change the overrides of "
                + subject
                + " or the policy '"
                + policyName
                + "' as the message says.",
            e);
      }
      if (overridden) {
        FirstRetryCheck.check(policy, settings, source);
      }
      methodPolicies.record(description, policy, originsOf(origins, policy, fallback, source));
      retrying = assembly.retryingOf(policy);
    }
    String retryIf = settings.values().getRetryIf();
    boolean conditionSet = retryIf != null && !retryIf.isBlank();
    ResultConditionCheck.check(
        method,
        kind,
        subject,
        policyName,
        conditionSet ? settings.describe("retryIf", source) : null,
        conditionSet && source.equals(settings.sourceOf("retryIf")),
        retrying.policy());
    if (kind == ReturnKind.FLUX && retrying.policy().hedging() != null) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNSUPPORTED_RETURN_TYPE,
          subject,
          "the method returns a Flux but its policy '"
              + policyName
              + "' hedges, and a Flux cannot be hedged"
              + " (copies would emit duplicate elements).",
          "turn hedging off for this method (@Backon(hedges = 1)) or return a Mono.");
    }
    return new BackonMethod(
        description, retrying, kind, kind == ReturnKind.BLOCKING ? null : fallback, target);
  }

  /**
   * A blocking method's fallback as the policy's: it answers only the failures its parameters take
   * (a failure of another type reaches the caller as a give-up, logged as one).
   */
  private static Fallback blockingFallback(FallbackMethod fallback, Object target) {
    return new Fallback() {
      @Override
      public @Nullable Object apply(RetryEvent giveUp) throws Exception {
        try {
          return fallback.invoke(target, giveUp.arguments().toArray(), giveUp.failure());
        } catch (Exception | Error e) {
          throw e;
        } catch (Throwable t) {
          throw new UndeclaredThrowableException(t);
        }
      }

      @Override
      public boolean answers(@Nullable Throwable failure) {
        return fallback.takes(failure);
      }
    };
  }

  /** The origins of {@code policy}'s settings: a fallback is the annotation's. */
  private static Map<String, SettingOrigin> originsOf(
      PolicyOrigins origins,
      RetryPolicy policy,
      @Nullable FallbackMethod fallback,
      SettingSource source) {
    Map<String, SettingOrigin> map = new LinkedHashMap<>(origins.of(policy));
    if (fallback != null) {
      map.put(
          PolicySetting.FALLBACK.key(),
          new SettingOrigin(SettingOrigin.Kind.ANNOTATION, List.of(source.describe("fallback"))));
    }
    return map;
  }

  /**
   * The core builder can replace a bean policy's hedging but not remove it: hedges = 1 would be
   * ignored.
   */
  private static void rejectHedgesOffOnHedgingBean(
      PolicyProperties layer, Retrying bean, String policyName, SettingSource source) {
    if (Integer.valueOf(HedgeCount.NO_HEDGING).equals(layer.getHedging().getMaxHedges())
        && bean.policy().hedging() != null) {
      String subject = source.describe("hedging.maxHedges");
      throw ConfigChecks.contradiction(
          subject,
          "the RetryPolicy bean '"
              + policyName
              + "' hedges, and an annotation cannot remove a bean's hedging,"
              + " so hedges = 1 would be ignored.",
          "use a RetryPolicy bean without hedging for this method, or remove " + subject + ".");
    }
  }

  private static boolean hasAnySetting(LayeredSettings<PolicyProperties> settings) {
    return !settings.setProperties().isEmpty();
  }

  private static void checkProxyable(Method method, String subject, Class<?> targetClass) {
    int modifiers = method.getModifiers();
    String problem =
        Modifier.isStatic(modifiers)
            ? "static"
            : Modifier.isPrivate(modifiers)
                ? "private"
                : Modifier.isFinal(modifiers) ? "final" : null;
    if (problem != null) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNPROXYABLE_METHOD,
          subject,
          "the method is "
              + problem
              + ", so the Spring proxy cannot intercept it and @Backon would be ignored.",
          "make the method non-"
              + problem
              + " (public or protected), or "
              + (annotatedDirectly(method)
                  ? "remove @Backon from it."
                  : "move @Backon from the class "
                      + targetClass.getSimpleName()
                      + " to the methods that should retry."));
    }
  }

  static String describe(Method method, Class<?> targetClass) {
    return targetClass.getSimpleName()
        + "."
        + method.getName()
        + "("
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "))
        + ")";
  }
}
