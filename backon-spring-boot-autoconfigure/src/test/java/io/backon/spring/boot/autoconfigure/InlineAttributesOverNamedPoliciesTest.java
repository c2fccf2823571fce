package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Backon;
import io.backon.RetryPolicy;
import io.backon.spring.boot.autoconfigure.test.BackonBeans;
import io.backon.testing.ManualSleeper;
import io.backon.wait.JitterKind;
import io.backon.wait.WaitKind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Each inline {@code @Backon} attribute overrides exactly one setting of the policy named in {@code
 * application.yml} and keeps the others (README, "Inline attributes"). The waits are read from a
 * {@link ManualSleeper} installed by a {@link BackonPolicyCustomizer}, as a team would.
 */
class InlineAttributesOverNamedPoliciesTest {

  private final ManualSleeper sleeper = new ManualSleeper();

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PropertyPlaceholderAutoConfiguration.class, BackonAutoConfiguration.class))
          .withPropertyValues(
              "backon.max-hedges-includes-first=true",
              "backon.defaults.max-tries=3",
              "backon.defaults.wait=expo",
              "backon.defaults.delay=200ms",
              "backon.defaults.max-delay=5s",
              "backon.defaults.jitter=none",
              "backon.policies.payments.max-tries=5",
              "backon.policies.payments.retry-on=java.io.IOException",
              "backon.policies.payments.abort-on=java.io.FileNotFoundException",
              "backon.policies.payments.retry-if=#result == null",
              "backon.policies.payments.deadline=1m",
              "backon.policies.payments.attempt-timeout=10s",
              "backon.policies.payments.circuit-breaker=payments-api",
              "backon.policies.payments.budget=payments-api",
              "backon.policies.reads.extends=payments",
              "backon.policies.reads.hedging.max-hedges=3",
              "backon.policies.reads.hedging.delay=1s",
              "backon.circuit-breakers.payments-api.failure-threshold=100",
              "backon.circuit-breakers.other-api.failure-threshold=100",
              "backon.budgets.payments-api.max-tokens=100",
              "backon.budgets.other-api.max-tokens=100",
              "test.breaker=other-api",
              "test.delay=30ms")
          .withBean(
              BackonPolicyCustomizer.class,
              () -> (name, builder) -> builder.sleeper(sleeper).clock(sleeper.clock()))
          .withBean(Client.class);

  /** Every method fails each attempt with an IOException, unless it says otherwise. */
  static class Client {
    private final AtomicInteger calls = new AtomicInteger();

    @Backon("payments")
    public String asConfigured() throws IOException {
      return fail();
    }

    @Backon(value = "payments", maxTries = 2)
    public String twoTries() throws IOException {
      return fail();
    }

    @Backon(value = "payments", maxTime = "500ms")
    public String halfASecond() throws IOException {
      return fail();
    }

    @Backon(value = "payments", waitKind = WaitKind.CONSTANT, delay = "50ms")
    public String constant() throws IOException {
      return fail();
    }

    @Backon(value = "payments", delay = "${test.delay}", maxDelay = "PT0.1S")
    public String shortWaits() throws IOException {
      return fail();
    }

    @Backon(value = "payments", multiplier = "3")
    public String steeper() throws IOException {
      return fail();
    }

    @Backon(value = "payments", jitter = JitterKind.FULL)
    public String jittered() throws IOException {
      return fail();
    }

    @Backon(value = "payments", retryOn = IllegalStateException.class)
    public String retryOnlyIllegalState() throws IOException {
      return fail();
    }

    @Backon(value = "payments", abortOn = IllegalStateException.class)
    public String abortOnIllegalState() throws IOException {
      calls.incrementAndGet();
      throw new FileNotFoundException("no such order");
    }

    @Backon(value = "payments", retryIf = "#result == 'later'")
    public @Nullable String laterThenNull() {
      return calls.incrementAndGet() < 3 ? "later" : null;
    }

    @Backon(
        value = "payments",
        attemptTimeout = "2s",
        deadline = "30s",
        circuitBreaker = "${test.breaker}",
        budget = "other-api",
        hedges = 2,
        hedgeDelay = "250ms")
    public String elsewhere() throws IOException {
      return fail();
    }

    @Backon(value = "reads", hedges = 1)
    public String unhedged() throws IOException {
      return fail();
    }

    private String fail() throws IOException {
      throw new IOException("down#" + calls.incrementAndGet());
    }

    public int calls() {
      return calls.get();
    }
  }

  @Test
  void withoutAttributesTheMethodRunsTheNamedPolicyAsConfigured() {
    runner.run(
        context -> {
          Client client = context.getBean(Client.class);

          assertThat(waitsOf(client::asConfigured))
              .containsExactly(ms(200), ms(400), ms(800), ms(1600));
          RetryPolicy policy = BackonBeans.policyOf(client, "asConfigured");
          assertThat(policy.name()).isEqualTo("payments");
          assertThat(Duration.ofNanos(policy.deadlineNanos())).isEqualTo(Duration.ofMinutes(1));
          assertThat(policy.circuitBreaker().name()).isEqualTo("payments-api");
          assertThat(policy.hedging()).isNull();
        });
  }

  @Test
  void maxTriesReplacesThePoliciesAttemptsAndKeepsItsWaits() {
    runner.run(
        context ->
            assertThat(waitsOf(context.getBean(Client.class)::twoTries)).containsExactly(ms(200)));
  }

  @Test
  void maxTimeStopsStartingAttemptsAndCapsTheLastWait() {
    runner.run(
        context ->
            assertThat(waitsOf(context.getBean(Client.class)::halfASecond))
                .containsExactly(ms(200), ms(300)));
  }

  @Test
  void waitKindAndDelayReplaceTheStrategyAndKeepTheAttempts() {
    runner.run(
        context ->
            assertThat(waitsOf(context.getBean(Client.class)::constant))
                .containsExactly(ms(50), ms(50), ms(50), ms(50)));
  }

  @Test
  void delayAndMaxDelayAcceptPlaceholdersAndIsoDurations() {
    runner.run(
        context ->
            assertThat(waitsOf(context.getBean(Client.class)::shortWaits))
                .containsExactly(ms(30), ms(60), ms(100), ms(100)));
  }

  @Test
  void multiplierReplacesTheGrowthAndKeepsTheInheritedCap() {
    runner.run(
        context ->
            assertThat(waitsOf(context.getBean(Client.class)::steeper))
                .containsExactly(ms(200), ms(600), ms(1800), ms(5000)));
  }

  @Test
  void jitterReplacesTheDefaultsNoJitterWithWaitsWithinTheStrategies() {
    runner.run(
        context -> {
          List<Duration> waits = waitsOf(context.getBean(Client.class)::jittered);

          assertThat(waits).hasSize(4);
          assertThat(waits.get(3)).isLessThanOrEqualTo(ms(1600));
          assertThat(waits).isNotEqualTo(List.of(ms(200), ms(400), ms(800), ms(1600)));
        });
  }

  @Test
  void retryOnReplacesThePoliciesListInsteadOfAddingToIt() {
    runner.run(
        context -> {
          Client client = context.getBean(Client.class);

          assertThatThrownBy(client::retryOnlyIllegalState).isInstanceOf(IOException.class);
          assertThat(client.calls()).isEqualTo(1);
        });
  }

  @Test
  void abortOnReplacesThePoliciesListInsteadOfAddingToIt() {
    runner.run(
        context -> {
          Client client = context.getBean(Client.class);

          assertThatThrownBy(client::abortOnIllegalState).isInstanceOf(FileNotFoundException.class);
          assertThat(client.calls()).isEqualTo(5);
        });
  }

  @Test
  void retryIfReplacesThePoliciesCondition() {
    runner.run(
        context -> {
          Client client = context.getBean(Client.class);

          assertThat(client.laterThenNull()).isNull();
          assertThat(client.calls()).isEqualTo(3);
        });
  }

  @Test
  void timeoutsBreakerBudgetAndHedgingAttributesReplaceTheirSettingsOnly() {
    runner.run(
        context -> {
          RetryPolicy policy = BackonBeans.policyOf(context.getBean(Client.class), "elsewhere");

          assertThat(policy.name()).isEqualTo("payments");
          assertThat(Duration.ofNanos(policy.attemptTimeoutNanos()))
              .isEqualTo(Duration.ofSeconds(2));
          assertThat(Duration.ofNanos(policy.deadlineNanos())).isEqualTo(Duration.ofSeconds(30));
          assertThat(policy.circuitBreaker().name()).isEqualTo("other-api");
          assertThat(policy.retryBudget().name()).isEqualTo("other-api");
          assertThat(policy.hedging().maxHedges()).isEqualTo(2);
          assertThat(policy.hedging().toString()).contains("PT0.25S");
          assertThat(policy.maxTries()).isEqualTo(5);
          assertThat(policy.retryOn()).containsExactly(IOException.class);
        });
  }

  @Test
  void hedgesOneTurnsThePoliciesHedgingOff() {
    runner.run(
        context -> {
          assertThat(
                  context.getBean(RetryPolicyRegistry.class).policy("reads").hedging().maxHedges())
              .isEqualTo(3);
          assertThat(BackonBeans.policyOf(context.getBean(Client.class), "unhedged").hedging())
              .isNull();
        });
  }

  @Test
  void anOverrideChangesOnlyItsMethodNotThePolicyOthersUse() {
    runner.run(
        context -> {
          Client client = context.getBean(Client.class);
          RetryPolicyRegistry registry = context.getBean(RetryPolicyRegistry.class);

          assertThat(BackonBeans.policyOf(client, "twoTries").maxTries()).isEqualTo(2);
          assertThat(registry.policy("payments").maxTries()).isEqualTo(5);
          assertThat(BackonBeans.policyOf(client, "asConfigured").maxTries()).isEqualTo(5);
        });
  }

  /** The back-off waits {@code call} asked for before giving up. */
  private List<Duration> waitsOf(Callable<?> call) {
    int before = sleeper.sleeps().size();
    assertThatThrownBy(call::call).isInstanceOf(IOException.class);
    List<Duration> all = sleeper.sleeps();
    return all.subList(before, all.size());
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
