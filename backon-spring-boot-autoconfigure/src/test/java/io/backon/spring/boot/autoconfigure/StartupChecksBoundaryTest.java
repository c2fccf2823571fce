package io.backon.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.Backon;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

/**
 * Configurations right next to the startup checks of {@link BadConfigurationCorpusTest} that are
 * fine and must start: the checks reject only what can never work.
 */
class StartupChecksBoundaryTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(BackonAutoConfiguration.class));

  @Test
  void aDeadlineShorterThanTheDelayStartsWithFullJitterWhichCanWaitLess() {
    runner
        .withPropertyValues(
            "backon.policies.p.wait=constant",
            "backon.policies.p.delay=2s",
            "backon.policies.p.deadline=1s")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aDeadlineJustLongerThanTheFirstWaitStarts() {
    runner
        .withPropertyValues(
            "backon.policies.p.wait=constant",
            "backon.policies.p.delay=1s",
            "backon.policies.p.jitter=none",
            "backon.policies.p.deadline=1001ms")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aDeadlineWithASingleTryStartsSinceNothingIsRetried() {
    runner
        .withPropertyValues(
            "backon.policies.p.max-tries=1",
            "backon.policies.p.wait=constant",
            "backon.policies.p.delay=2s",
            "backon.policies.p.jitter=none",
            "backon.policies.p.deadline=1s")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aDelayEqualToMaxDelayStarts() {
    runner
        .withPropertyValues(
            "backon.policies.p.wait=expo",
            "backon.policies.p.delay=1s",
            "backon.policies.p.max-delay=1s")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void retryIfOnMethodsThatReturnAValueStarts() {
    runner
        .withPropertyValues("backon.policies.checked.retry-if=#result == null")
        .withBean(ValueClient.class)
        .run(context -> assertThat(context).hasNotFailed());
  }

  static class ValueClient {
    @Backon("checked")
    public String value() {
      return "x";
    }

    @Backon("checked")
    public Mono<String> later() {
      return Mono.just("x");
    }

    @Backon(retryIf = "#result == null")
    public Integer count() {
      return 1;
    }
  }
}
