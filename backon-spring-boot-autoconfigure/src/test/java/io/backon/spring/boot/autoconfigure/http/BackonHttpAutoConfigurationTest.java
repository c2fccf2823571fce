package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import io.backon.testing.ManualSleeper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;

/** One test per condition of {@link BackonHttpAutoConfiguration} and its startup checks. */
class BackonHttpAutoConfigurationTest {

  private final ApplicationContextRunner runner = HttpContexts.runner(new ManualSleeper());

  @Test
  void customizesRestClientRestTemplateAndWebClientByDefault() {
    runner.run(
        context -> {
          assertThat(context)
              .hasNotFailed()
              .hasSingleBean(HttpResilience.class)
              .hasSingleBean(BackonClientHttpRequestInterceptor.class)
              .hasSingleBean(BackonExchangeFilterFunction.class)
              .hasBean("backonRestClientCustomizer")
              .hasBean("backonRestTemplateCustomizer")
              .hasBean("backonWebClientCustomizer");
          assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
              .first()
              .isInstanceOf(BackonClientHttpRequestInterceptor.class);
        });
  }

  @Test
  void backsOffWhenTurnedOff() {
    runner
        .withPropertyValues("backon.http.enabled=false")
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(HttpResilience.class)
                    .doesNotHaveBean(RestClientCustomizer.class)
                    .doesNotHaveBean(WebClientCustomizer.class));
  }

  @Test
  void leavesWebClientAloneWithoutSpringBootsWebClientModule() {
    runner
        .withClassLoader(new FilteredClassLoader(WebClientCustomizer.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasBean("backonRestClientCustomizer")
                    .doesNotHaveBean(BackonExchangeFilterFunction.class));
  }

  @Test
  void leavesRestClientAloneWithoutSpringBootsRestClientModule() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(BackonAutoConfiguration.class, BackonHttpAutoConfiguration.class))
        .withClassLoader(
            new FilteredClassLoader(RestClientCustomizer.class, RestTemplateCustomizer.class))
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(BackonClientHttpRequestInterceptor.class)
                    .doesNotHaveBean("backonRestClientCustomizer")
                    .hasBean("backonWebClientCustomizer"));
  }

  @Test
  void answersProblemDetailsInWebApplicationsUnlessTurnedOff() {
    WebApplicationContextRunner web =
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BackonProblemDetailsAutoConfiguration.class));
    web.run(context -> assertThat(context).hasSingleBean(BackonProblemDetailsAdvice.class));
    web.withPropertyValues("backon.http.problem-details=false")
        .run(context -> assertThat(context).doesNotHaveBean(BackonProblemDetailsAdvice.class));
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(BackonProblemDetailsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(BackonProblemDetailsAdvice.class));
  }

  @Test
  void anUnknownPolicyFailsTheStartupNamingTheProperty() {
    assertStartupFails(
        ConfigErrorCode.UNKNOWN_POLICY,
        "backon.http.clients.quotes.policy",
        "backon.http.clients.quotes.hosts=quotes.example.com",
        "backon.http.clients.quotes.policy=nope");
  }

  @Test
  void aBadHostPatternFailsTheStartup() {
    assertStartupFails(
        ConfigErrorCode.INVALID_VALUE,
        "backon.http.clients.quotes.hosts[0]",
        "backon.http.clients.quotes.hosts=quotes.example.com:http");
  }

  @Test
  void aStatusThatIsNoHttpStatusFailsTheStartup() {
    assertStartupFails(
        ConfigErrorCode.OUT_OF_RANGE,
        "backon.http.defaults.retry-statuses",
        "backon.http.defaults.retry-statuses=503,99");
  }

  @Test
  void hostsUnderTheDefaultsFailTheStartup() {
    assertStartupFails(
        ConfigErrorCode.CONTRADICTORY_SETTINGS,
        "backon.http.defaults.hosts",
        "backon.http.defaults.hosts=*.example.com");
  }

  @Test
  void anUnknownBreakerTemplateFailsTheStartup() {
    assertStartupFails(
        ConfigErrorCode.UNKNOWN_CIRCUIT_BREAKER,
        "backon.http.host-circuit-breaker-template",
        "backon.http.host-circuit-breaker-template=nope");
  }

  @Test
  void maxHostsBelowOneFailsTheStartup() {
    assertStartupFails(
        ConfigErrorCode.OUT_OF_RANGE, "backon.http.max-hosts", "backon.http.max-hosts=0");
  }

  private void assertStartupFails(ConfigErrorCode code, String subject, String... properties) {
    runner
        .withPropertyValues(properties)
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              while (failure != null && !(failure instanceof BackonConfigurationException)) {
                failure = failure.getCause();
              }
              assertThat(failure)
                  .isInstanceOfSatisfying(
                      BackonConfigurationException.class,
                      e -> {
                        assertThat(e.code()).isEqualTo(code);
                        assertThat(e.subject()).isEqualTo(subject);
                      });
            });
  }
}
