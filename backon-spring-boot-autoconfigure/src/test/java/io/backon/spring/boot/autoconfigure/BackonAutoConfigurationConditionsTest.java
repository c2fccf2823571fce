package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.AlwaysFailingClients.*;
import io.backon.wait.Wait;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One test per condition of {@link BackonAutoConfiguration}: what it provides by default, when it
 * backs off, and what it does without Spring AOP or Reactor or with Backon switched off.
 */
class BackonAutoConfigurationConditionsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @Test
  void providesTheThreeRegistriesAndTheAnnotationSupportByDefault() {
    runner.run(
        context -> {
          assertThat(context)
              .hasNotFailed()
              .hasSingleBean(CircuitBreakerRegistry.class)
              .hasSingleBean(RetryBudgetRegistry.class)
              .hasSingleBean(RetryPolicyRegistry.class)
              .hasSingleBean(BackonAnnotationBeanPostProcessor.class);
          RetryPolicyRegistry policies = context.getBean(RetryPolicyRegistry.class);
          assertThat(policies.names()).containsExactly(RetryPolicy.DEFAULT_NAME);
          assertThat(policies.isEnabled()).isTrue();
          assertThat(policies.policy(RetryPolicy.DEFAULT_NAME).maxTries())
              .isEqualTo(RetryPolicy.DEFAULT_MAX_TRIES);
        });
  }

  @Test
  void aPolicyCanEndCallsAtOnceInsteadOfWaitingForAbandonedAttempts() {
    runner
        .withPropertyValues("backon.policies.strict.wait-for-abandoned-attempts=false")
        .run(
            context -> {
              RetryPolicyRegistry policies = context.getBean(RetryPolicyRegistry.class);
              assertThat(policies.policy("strict").waitForAbandonedAttempts()).isFalse();
              assertThat(policies.policy(RetryPolicy.DEFAULT_NAME).waitForAbandonedAttempts())
                  .as("the default")
                  .isTrue();
            });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnCircuitBreakerRegistry() {
    CircuitBreakerRegistry own = CircuitBreakerRegistry.ofDefaults();
    runner
        .withBean(CircuitBreakerRegistry.class, () -> own)
        .withPropertyValues("backon.circuit-breakers.ignored.failure-threshold=2")
        .run(
            context -> {
              assertThat(context).hasSingleBean(CircuitBreakerRegistry.class);
              assertThat(context.getBean(CircuitBreakerRegistry.class)).isSameAs(own);
              assertThat(own.find("ignored")).isEmpty();
            });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnRetryBudgetRegistry() {
    RetryBudgetRegistry own = RetryBudgetRegistry.create();
    runner
        .withBean(RetryBudgetRegistry.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(RetryBudgetRegistry.class);
              assertThat(context.getBean(RetryBudgetRegistry.class)).isSameAs(own);
            });
  }

  @Test
  void backsOffWhenTheApplicationDefinesItsOwnRetryPolicyRegistry() {
    RetryPolicy custom = RetryPolicy.builder().name("custom").maxTries(7).wait(Wait.none()).build();
    RetryPolicyRegistry own = new RetryPolicyRegistry(Map.of("custom", Retrying.of(custom)), true);
    runner
        .withBean(RetryPolicyRegistry.class, () -> own)
        .withBean(CustomPolicyClient.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(RetryPolicyRegistry.class);
              assertThat(context.getBean(RetryPolicyRegistry.class)).isSameAs(own);
              CustomPolicyClient client = context.getBean(CustomPolicyClient.class);
              assertThatThrownBy(client::call).isInstanceOf(IOException.class);
              assertThat(client.calls()).isEqualTo(7);
            });
  }

  @Test
  void backonEnabledFalseHandsOutRetryingsThatCallTheTargetOnce() {
    runner
        .withPropertyValues("backon.enabled=false", "backon.policies.p.max-tries=5")
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              assertThat(registry.isEnabled()).isFalse();
              AtomicInteger calls = new AtomicInteger();

              assertThatThrownBy(
                      () ->
                          registry
                              .retrying("p")
                              .call(
                                  () -> {
                                    calls.incrementAndGet();
                                    throw new IOException("down");
                                  }))
                  .isInstanceOf(IOException.class);
              assertThat(calls).hasValue(1);
            });
  }

  @Test
  void aPolicyWithEnabledFalseCallsItsTargetOnceWhileBackonIsOn() {
    RetryPolicy switchedOff =
        RetryPolicy.builder().maxTries(5).wait(Wait.none()).enabled(false).build();
    runner
        .withPropertyValues(
            "backon.policies.off.enabled=false",
            "backon.policies.off.max-tries=5",
            "backon.policies.off.wait=none")
        .withBean("offBean", RetryPolicy.class, () -> switchedOff)
        .withBean(SwitchedOffPolicyClient.class)
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              for (String name : List.of("off", "offBean")) {
                AtomicInteger calls = new AtomicInteger();
                assertThatThrownBy(
                        () ->
                            registry
                                .retrying(name)
                                .call(
                                    () -> {
                                      calls.incrementAndGet();
                                      throw new IOException("down");
                                    }))
                    .isInstanceOf(IOException.class);
                assertThat(calls).as("calls under %s", name).hasValue(1);
              }
              SwitchedOffPolicyClient client = context.getBean(SwitchedOffPolicyClient.class);
              assertThatThrownBy(client::call).isInstanceOf(IOException.class);
              assertThat(client.calls()).isEqualTo(1);
            });
  }

  @Test
  void withoutSpringAopThereIsNoAnnotationSupportButTheRegistriesRemain() {
    runner
        .withClassLoader(new FilteredClassLoader(ProxyFactory.class))
        .withBean(DefaultPolicyClient.class)
        .run(
            context -> {
              assertThat(context)
                  .hasNotFailed()
                  .doesNotHaveBean(BackonAnnotationBeanPostProcessor.class)
                  .doesNotHaveBean(BackonMethodFactory.class)
                  .hasSingleBean(CircuitBreakerRegistry.class)
                  .hasSingleBean(RetryBudgetRegistry.class)
                  .hasSingleBean(RetryPolicyRegistry.class);
              assertThat(AopUtils.isAopProxy(context.getBean(DefaultPolicyClient.class))).isFalse();
            });
  }

  @Test
  void withoutReactorTheContextStartsAndBlockingMethodsRetry() {
    runner
        .withClassLoader(new FilteredClassLoader("reactor.core"))
        .withPropertyValues("backon.defaults.wait=none")
        .withBean(DefaultPolicyClient.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              DefaultPolicyClient client = context.getBean(DefaultPolicyClient.class);
              assertThatThrownBy(client::call).isInstanceOf(IOException.class);
              assertThat(client.calls()).isEqualTo(RetryPolicy.DEFAULT_MAX_TRIES);
            });
  }
}
