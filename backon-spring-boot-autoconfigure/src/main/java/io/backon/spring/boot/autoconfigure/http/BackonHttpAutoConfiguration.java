package io.backon.spring.boot.autoconfigure.http;

import io.backon.breaker.CircuitBreakerConfig;
import io.backon.breaker.CircuitBreakerRegistry;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.BackonCircuitBreakerCustomizer;
import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.BackonProperties;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import io.backon.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Puts Backon between Spring's HTTP clients and the network: a {@link
 * BackonClientHttpRequestInterceptor} on every {@code RestClient} and {@code RestTemplate} built
 * from Spring Boot's builders, a {@link BackonExchangeFilterFunction} on every {@code WebClient},
 * each client of an HTTP service group named after its group, and a {@code Retry-After} rule on
 * every properties-defined policy so that an enclosing {@code @Backon} call honours the header.
 * Each client kind is configured only when its Spring Boot module is present; {@code
 * backon.http.enabled=false} turns all of it off.
 */
@AutoConfiguration(
    after = BackonAutoConfiguration.class,
    afterName =
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.http.client.ClientHttpRequestInterceptor")
@ConditionalOnBooleanProperty(name = "backon.http.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BackonProperties.class)
@ImportRuntimeHints(BackonHttpRuntimeHints.class)
public final class BackonHttpAutoConfiguration {

  /** One breaker per downstream host, at most {@code backon.http.max-hosts}. */
  @Bean
  @ConditionalOnMissingBean
  HostCircuitBreakers backonHostCircuitBreakers(
      BackonProperties properties,
      CircuitBreakerRegistry breakers,
      ObjectProvider<BackonCircuitBreakerCustomizer> customizers) {
    HttpProperties http = properties.getHttp();
    if (http.getMaxHosts() < 1) {
      throw new BackonConfigurationException(
          ConfigErrorCode.OUT_OF_RANGE,
          "backon.http.max-hosts",
          "the value " + http.getMaxHosts() + " is not allowed (max-hosts must be >= 1).",
          "set backon.http.max-hosts to the number of downstream hosts to keep a breaker for, e.g. 256.");
    }
    return new HostCircuitBreakers(
        template(http, breakers), customizers.orderedStream().toList(), http.getMaxHosts());
  }

  @Bean
  @ConditionalOnMissingBean
  HttpResilience backonHttpResilience(
      BackonProperties properties,
      RetryPolicyRegistry policies,
      HostCircuitBreakers hosts,
      ObjectProvider<HttpCallMeters> meters) {
    HttpRulesResolver resolver =
        HttpRulesResolver.of(properties.getHttp(), name -> policies.find(name).isPresent());
    return new HttpResilience(
        resolver, policies, hosts, meters.getIfAvailable(() -> HttpCallMeters.NONE));
  }

  private static CircuitBreakerConfig template(
      HttpProperties http, CircuitBreakerRegistry breakers) {
    String name = http.getHostCircuitBreakerTemplate();
    if (name == null) {
      return breakers.defaults();
    }
    return breakers
        .find(name)
        .orElseThrow(
            () ->
                new BackonConfigurationException(
                    ConfigErrorCode.UNKNOWN_CIRCUIT_BREAKER,
                    "backon.http.host-circuit-breaker-template",
                    "there is no circuit breaker named '" + name + "'.",
                    "define backon.circuit-breakers."
                        + name
                        + " or a CircuitBreaker bean of that name, or fix the name."))
        .config();
  }

  @Bean
  @ConditionalOnMissingBean
  BackonClientHttpRequestInterceptor backonClientHttpRequestInterceptor(HttpResilience resilience) {
    return new BackonClientHttpRequestInterceptor(resilience);
  }

  /** Runs before the application's own policy customizers, which may replace what it sets. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  HttpRetryAfterCustomizer backonHttpRetryAfterCustomizer(BackonProperties properties) {
    java.time.Duration cap = properties.getHttp().getDefaults().getRetryAfterCap();
    return new HttpRetryAfterCustomizer(
        cap != null ? cap : HttpClientRules.DEFAULT_RETRY_AFTER_CAP, Clock.system());
  }

  /** {@code backon.http.calls} when Micrometer is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static final class Meters {

    @Bean
    @ConditionalOnMissingBean
    HttpCallMeters backonHttpCallMeters(
        ObjectProvider<MeterRegistry> registry, BackonProperties properties) {
      MeterRegistry meters = registry.getIfUnique();
      return meters == null
          ? HttpCallMeters.NONE
          : new MicrometerHttpCallMeters(meters, Math.max(1, properties.getHttp().getMaxHosts()));
    }
  }

  /** {@code RestClient} and {@code RestTemplate} (module {@code spring-boot-restclient}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.restclient.RestClientCustomizer")
  static final class RestClients {

    /** First in the chain, so each attempt runs the interceptors after it again. */
    @Bean
    RestClientCustomizer backonRestClientCustomizer(
        BackonClientHttpRequestInterceptor interceptor) {
      return builder -> builder.requestInterceptors(list -> list.add(0, interceptor));
    }

    @Bean
    RestTemplateCustomizer backonRestTemplateCustomizer(
        BackonClientHttpRequestInterceptor interceptor) {
      return template -> template.getInterceptors().add(0, interceptor);
    }

    /** Names each HTTP service group's requests after the group: its client rules apply. */
    @Bean
    RestClientHttpServiceGroupConfigurer backonRestClientGroupNames() {
      return groups ->
          groups.forEachClient(
              (group, builder) ->
                  builder.defaultRequest(
                      request -> request.attribute(BackonHttp.CLIENT_ATTRIBUTE, group.name())));
    }
  }

  /**
   * Apache HttpClient 5 under Spring Boot's request factories: its own retries off, so that one
   * Backon attempt is one request, and a request aborted when its attempt is cut.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer",
        "org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder",
        "org.apache.hc.client5.http.impl.classic.HttpClientBuilder"
      })
  static final class HttpComponents {

    @Bean
    @ConditionalOnMissingBean
    HttpComponentsRetriesOff backonHttpComponentsRetriesOff() {
      return new HttpComponentsRetriesOff();
    }

    @Bean
    @ConditionalOnMissingBean
    HttpComponentsAttemptAbort backonHttpComponentsAttemptAbort() {
      return new HttpComponentsAttemptAbort();
    }
  }

  /**
   * Jetty's client under Spring Boot's request factories: a request aborted when its attempt is
   * cut.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer",
        "org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder",
        "org.eclipse.jetty.client.HttpClient"
      })
  static final class Jetty {

    @Bean
    @ConditionalOnMissingBean
    JettyAttemptAbort backonJettyAttemptAbort() {
      return new JettyAttemptAbort();
    }
  }

  /** {@code WebClient} (module {@code spring-boot-webclient}, Reactor). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "org.springframework.boot.webclient.WebClientCustomizer",
        "reactor.core.publisher.Mono"
      })
  static final class WebClients {

    @Bean
    @ConditionalOnMissingBean
    BackonExchangeFilterFunction backonExchangeFilterFunction(HttpResilience resilience) {
      return new BackonExchangeFilterFunction(resilience);
    }

    /** First in the chain, so each attempt runs the filters after it again. */
    @Bean
    WebClientCustomizer backonWebClientCustomizer(BackonExchangeFilterFunction filter) {
      return builder -> builder.filters(list -> list.add(0, filter));
    }

    /** Names each HTTP service group's requests after the group: its client rules apply. */
    @Bean
    WebClientHttpServiceGroupConfigurer backonWebClientGroupNames() {
      return groups ->
          groups.forEachClient(
              (group, builder) ->
                  builder.defaultRequest(
                      request -> request.attribute(BackonHttp.CLIENT_ATTRIBUTE, group.name())));
    }
  }
}
