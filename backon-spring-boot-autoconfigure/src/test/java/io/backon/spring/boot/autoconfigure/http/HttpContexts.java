package io.backon.spring.boot.autoconfigure.http;

import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonCircuitBreakerCustomizer;
import io.backon.spring.boot.autoconfigure.BackonPolicyCustomizer;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualSleeper;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * The application the HTTP tests run: Backon's and Spring Boot's HTTP client auto-configuration,
 * every policy and breaker on one fake clock whose sleeper never blocks (so waits, Retry-After and
 * breaker recovery are measured, not slept), and policies without back-off by default.
 */
final class HttpContexts {

  private HttpContexts() {}

  /** A runner whose policies and breakers run on {@code sleeper} and its clock. */
  static ApplicationContextRunner runner(ManualSleeper sleeper) {
    FakeClock clock = sleeper.clock();
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BackonAutoConfiguration.class,
                BackonHttpAutoConfiguration.class,
                RestClientAutoConfiguration.class,
                RestTemplateAutoConfiguration.class,
                WebClientAutoConfiguration.class))
        .withPropertyValues("backon.defaults.wait=none")
        .withBean(
            "fakeTimePolicies",
            BackonPolicyCustomizer.class,
            () -> (name, builder) -> builder.clock(clock).sleeper(sleeper))
        .withBean(
            "fakeTimeBreakers",
            BackonCircuitBreakerCustomizer.class,
            () -> (name, builder) -> builder.clock(clock));
  }
}
