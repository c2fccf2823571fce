package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.RetryPolicy;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.breaker.CircuitOpenException;
import io.backon.breaker.CircuitState;
import io.backon.breaker.CircuitStateTransition;
import io.backon.budget.RetryBudget;
import io.backon.budget.RetryBudgetRegistry;
import io.backon.spring.boot.autoconfigure.AlwaysFailingClients.*;
import io.backon.wait.Jitter;
import io.backon.wait.Wait;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How the policies, breakers and budgets of {@link BackonAutoConfiguration} combine properties with
 * beans: policy beans, beans named in properties, customizers, and layered defaults.
 */
class PropertiesAndBeansTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @Test
  void aRetryPolicyBeanIsRegisteredUnderItsBeanNameAndServesBackonMethods() {
    RetryPolicy bean = RetryPolicy.builder().maxTries(7).wait(Wait.none()).build();
    runner
        .withBean("custom", RetryPolicy.class, () -> bean)
        .withBean(CustomPolicyClient.class)
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              assertThat(registry.names()).containsExactly("custom", RetryPolicy.DEFAULT_NAME);
              assertThat(registry.policy("custom").name()).isEqualTo("custom");
              assertThat(registry.policy("custom").maxTries()).isEqualTo(7);
              CustomPolicyClient client = context.getBean(CustomPolicyClient.class);

              assertThatThrownBy(client::call).isInstanceOf(IOException.class);
              assertThat(client.calls()).isEqualTo(7);
            });
  }

  @Test
  void aRetryPolicyBeanNamedDefaultAlsoServesBackonMethodsWithOverridesOrAFallback() {
    RetryPolicy bean = RetryPolicy.builder().maxTries(7).wait(Wait.none()).build();
    runner
        .withBean(RetryPolicy.DEFAULT_NAME, RetryPolicy.class, () -> bean)
        .withPropertyValues("backon.defaults.wait=none")
        .withBean(DefaultPolicyWithFallbackClient.class)
        .run(
            context -> {
              DefaultPolicyWithFallbackClient client =
                  context.getBean(DefaultPolicyWithFallbackClient.class);

              assertThat(client.call()).isEqualTo("fallback after down");
              assertThat(client.calls()).isEqualTo(7);
            });
  }

  @Test
  void anAnnotatedInterfaceServedByAJdkProxyBeanIsRetried() {
    AtomicInteger calls = new AtomicInteger();
    Greeter client =
        (Greeter)
            Proxy.newProxyInstance(
                Greeter.class.getClassLoader(),
                new Class<?>[] {Greeter.class},
                (proxy, method, args) -> {
                  if (calls.incrementAndGet() < 3) {
                    throw new IOException("down");
                  }
                  return "hello " + args[0];
                });
    runner
        .withPropertyValues("backon.defaults.wait=none")
        .withBean(Greeter.class, () -> client)
        .run(
            context -> {
              assertThat(context).hasNotFailed();

              assertThat(context.getBean(Greeter.class).greet("ada")).isEqualTo("hello ada");
              assertThat(calls).hasValue(3);
            });
  }

  @Test
  void propertiesPoliciesCanNameCircuitBreakerAndBudgetBeans() {
    CircuitBreaker breaker = CircuitBreaker.ofDefaults("db");
    RetryBudget budget = RetryBudget.ofDefaults("shared");
    runner
        .withBean(CircuitBreaker.class, () -> breaker)
        .withBean(RetryBudget.class, () -> budget)
        .withPropertyValues(
            "backon.policies.p.circuit-breaker=db", "backon.policies.p.budget=shared")
        .run(
            context -> {
              RetryPolicy policy = context.getBean(RetryPolicyRegistry.class).policy("p");
              assertThat(policy.circuitBreaker()).isSameAs(breaker);
              assertThat(policy.retryBudget()).isSameAs(budget);
              assertThat(context.getBean(CircuitBreakerRegistry.class).find("db"))
                  .containsSame(breaker);
              assertThat(context.getBean(RetryBudgetRegistry.class).find("shared"))
                  .containsSame(budget);
            });
  }

  @Test
  void policyCustomizersRunForEveryPropertiesPolicy() {
    List<String> customized = new CopyOnWriteArrayList<>();
    List<String> gaveUp = new CopyOnWriteArrayList<>();
    BackonPolicyCustomizer customizer =
        (name, builder) -> {
          customized.add(name);
          builder.onGiveUp(event -> gaveUp.add(event.policyName()));
        };
    runner
        .withBean(BackonPolicyCustomizer.class, () -> customizer)
        .withPropertyValues("backon.policies.p.max-tries=2", "backon.policies.p.wait=none")
        .run(
            context -> {
              assertThat(customized).containsExactlyInAnyOrder(RetryPolicy.DEFAULT_NAME, "p");

              assertThatThrownBy(
                      () ->
                          context
                              .getBean(RetryPolicyRegistry.class)
                              .retrying("p")
                              .call(
                                  () -> {
                                    throw new IOException("down");
                                  }))
                  .isInstanceOf(IOException.class);
              assertThat(gaveUp).containsExactly("p");
            });
  }

  @Test
  void circuitBreakerCustomizersRunForEveryPropertiesBreaker() {
    List<CircuitStateTransition> transitions = new CopyOnWriteArrayList<>();
    BackonCircuitBreakerCustomizer customizer =
        (name, builder) -> builder.onStateChange(transitions::add);
    runner
        .withBean(BackonCircuitBreakerCustomizer.class, () -> customizer)
        .withPropertyValues("backon.circuit-breakers.db.failure-threshold=2")
        .run(
            context -> {
              CircuitBreaker breaker =
                  context.getBean(CircuitBreakerRegistry.class).find("db").orElseThrow();

              for (int i = 0; i < 2; i++) {
                assertThatThrownBy(
                        () ->
                            breaker.call(
                                () -> {
                                  throw new IOException("down");
                                }))
                    .isInstanceOf(IOException.class);
              }

              assertThat(transitions)
                  .singleElement()
                  .satisfies(
                      t -> {
                        assertThat(t.breakerName()).isEqualTo("db");
                        assertThat(t.to()).isEqualTo(CircuitState.OPEN);
                      });
            });
  }

  @Test
  void extendsAndDefaultsLayerOverEachOther() {
    runner
        .withPropertyValues(
            "backon.defaults.max-tries=5",
            "backon.defaults.delay=200ms",
            "backon.defaults.multiplier=3",
            "backon.defaults.jitter=none",
            "backon.policies.base.max-tries=4",
            "backon.policies.base.deadline=10s",
            "backon.policies.base.wait=constant",
            "backon.policies.child.extends=base",
            "backon.policies.child.wait=expo",
            "backon.policies.child.delay=50ms",
            "backon.policies.plain.attempt-timeout=1s")
        .run(
            context -> {
              RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);
              RetryPolicy defaults = registry.policy(RetryPolicy.DEFAULT_NAME);
              RetryPolicy base = registry.policy("base");
              RetryPolicy child = registry.policy("child");
              RetryPolicy plain = registry.policy("plain");

              assertThat(defaults.maxTries()).isEqualTo(5);
              assertThat(defaults.waitStrategy())
                  .isEqualTo(Wait.expo(3, Duration.ofMillis(200), Wait.DEFAULT_MAX));
              assertThat(plain.maxTries()).isEqualTo(5);
              assertThat(plain.attemptTimeoutNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
              assertThat(base.maxTries()).isEqualTo(4);
              assertThat(base.deadlineNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
              // the defaults' multiplier is not an error on a constant wait: it is meant for other
              // policies
              assertThat(base.waitStrategy()).isEqualTo(Wait.constant(Duration.ofMillis(200)));
              assertThat(child.maxTries()).isEqualTo(4);
              assertThat(child.deadlineNanos()).isEqualTo(Duration.ofSeconds(10).toNanos());
              assertThat(child.waitStrategy())
                  .isEqualTo(Wait.expo(3, Duration.ofMillis(50), Wait.DEFAULT_MAX));
              assertThat(child.jitter()).isSameAs(Jitter.none());
              assertThat(child.name()).isEqualTo("child");
            });
  }

  @Test
  void aPropertiesBreakerOpensAfterItsFailureThresholdUnderABackonMethod() {
    runner
        .withPropertyValues(
            "backon.circuit-breakers.db.failure-threshold=3",
            "backon.policies.guarded.circuit-breaker=db",
            "backon.policies.guarded.max-tries=5",
            "backon.policies.guarded.wait=none")
        .withBean(GuardedClient.class)
        .run(
            context -> {
              GuardedClient client = context.getBean(GuardedClient.class);
              CircuitBreaker breaker =
                  context.getBean(CircuitBreakerRegistry.class).find("db").orElseThrow();

              assertThatThrownBy(client::call).isInstanceOf(CircuitOpenException.class);
              assertThat(client.calls()).isEqualTo(3);
              assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);

              assertThatThrownBy(client::call).isInstanceOf(CircuitOpenException.class);
              assertThat(client.calls()).isEqualTo(3);
            });
  }
}
