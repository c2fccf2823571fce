package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.SettingOrigin.Kind;
import io.backon.wait.Jitter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every setting of a policy says which layer it came from. */
class SettingOriginsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.defaults.retry-on=java.io.IOException",
              "backon.defaults.wait=expo",
              "backon.defaults.delay=100ms",
              "backon.policies.parent.max-tries=5",
              "backon.policies.child.extends=parent",
              "backon.policies.child.max-delay=2s",
              "backon.policies.child.deadline=10s");

  @Test
  void eachSettingNamesTheDefaultsTheParentOrThePolicyThatSetIt() {
    runner.run(
        context -> {
          Map<String, SettingOrigin> child =
              context.getBean(RetryPolicyRegistry.class).originsOf("child");

          assertThat(child.get("retryOn"))
              .isEqualTo(new SettingOrigin(Kind.DEFAULTS, List.of("backon.defaults.retry-on")));
          assertThat(child.get("maxTries"))
              .isEqualTo(
                  new SettingOrigin(Kind.EXTENDS, List.of("backon.policies.parent.max-tries")));
          assertThat(child.get("deadline"))
              .isEqualTo(new SettingOrigin(Kind.POLICY, List.of("backon.policies.child.deadline")));
          assertThat(child.get("attemptTimeout"))
              .isEqualTo(new SettingOrigin(Kind.BUILT_IN, List.of()));
        });
  }

  @Test
  void aStrategySetInSeveralLayersListsEveryPartAndTakesTheMostSpecificOrigin() {
    runner.run(
        context ->
            assertThat(
                    context
                        .getBean(RetryPolicyRegistry.class)
                        .originsOf("child")
                        .get("waitStrategy"))
                .isEqualTo(
                    new SettingOrigin(
                        Kind.POLICY,
                        List.of(
                            "backon.defaults.wait",
                            "backon.defaults.delay",
                            "backon.policies.child.max-delay"))));
  }

  @Test
  void everySettingOfTheEndpointHasAnOrigin() {
    runner.run(
        context ->
            assertThat(context.getBean(RetryPolicyRegistry.class).originsOf("parent"))
                .containsOnlyKeys(
                    java.util.Arrays.stream(PolicySetting.values())
                        .map(PolicySetting::key)
                        .toList()));
  }

  @Test
  void aValueAChangedByACustomizerIsTheCustomizers() {
    runner
        .withBean(
            BackonPolicyCustomizer.class, () -> (name, builder) -> builder.jitter(Jitter.none()))
        .run(
            context -> {
              Map<String, SettingOrigin> parent =
                  context.getBean(RetryPolicyRegistry.class).originsOf("parent");
              assertThat(parent.get("jitter").kind()).isEqualTo(Kind.CUSTOMIZER);
              assertThat(parent.get("maxTries").kind()).isEqualTo(Kind.POLICY);
            });
  }

  @Test
  void everySettingOfABeanPolicyIsTheBeans() {
    runner
        .withBean("fromBean", RetryPolicy.class, () -> RetryPolicy.builder().maxTries(7).build())
        .run(
            context ->
                assertThat(
                        context.getBean(RetryPolicyRegistry.class).originsOf("fromBean").values())
                    .extracting(SettingOrigin::kind)
                    .containsOnly(Kind.BEAN));
  }

  @Test
  void anAnnotationOverrideAndFallbackAreTheAnnotationsInTheMethodsOwnPolicy() {
    runner
        .withBean(Overriding.class)
        .run(
            context -> {
              MethodPolicies.Entry entry =
                  context.getBean(MethodPolicies.class).all().get("Overriding.call()");

              assertThat(entry.policy().name()).isEqualTo("child");
              assertThat(entry.policy().maxTries()).isEqualTo(2);
              assertThat(entry.origins().get("maxTries"))
                  .isEqualTo(
                      new SettingOrigin(
                          Kind.ANNOTATION, List.of("@Backon(maxTries) on Overriding.call()")));
              assertThat(entry.origins().get("fallback"))
                  .isEqualTo(
                      new SettingOrigin(
                          Kind.ANNOTATION, List.of("@Backon(fallback) on Overriding.call()")));
              assertThat(entry.origins().get("deadline").kind()).isEqualTo(Kind.POLICY);
            });
  }

  @Test
  void aMethodThatRunsItsPolicyUnchangedIsNotListed() {
    runner
        .withBean(Plain.class)
        .run(context -> assertThat(context.getBean(MethodPolicies.class).all()).isEmpty());
  }

  /** Overrides maxTries of the policy "child" and adds a fallback. */
  public static class Overriding {
    @Backon(value = "child", maxTries = 2, fallback = "recover")
    public String call() {
      return "x";
    }

    public String recover() {
      return "fallback";
    }
  }

  /** Runs the policy "child" as it is. */
  public static class Plain {
    @Backon("child")
    public String call() {
      return "x";
    }
  }
}
