package io.backon.benchmarks.spring;

import io.backon.benchmarks.PeerRetries;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.github.resilience4j.core.ContextAwareScheduledThreadPoolExecutor;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.spring6.fallback.FallbackDecorators;
import io.github.resilience4j.spring6.fallback.FallbackExecutor;
import io.github.resilience4j.spring6.fallback.configure.FallbackConfiguration;
import io.github.resilience4j.spring6.retry.configure.RetryAspect;
import io.github.resilience4j.spring6.retry.configure.RetryConfigurationProperties;
import io.github.resilience4j.spring6.spelresolver.SpelResolver;
import io.github.resilience4j.spring6.spelresolver.configure.SpelResolverConfiguration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.retry.annotation.EnableRetry;

/**
 * One plain Spring context (no Boot) holding one bean per library, each proxied by CGLIB. The
 * Resilience4j aspect is wired by hand from {@code resilience4j-spring6}, as its Boot 3 starter
 * does, with the "peer" retry of {@link PeerRetries#resilience4j()}.
 *
 * <p>To add another library: one more bean method here and one benchmark method in {@link
 * AnnotatedBeanBenchmark}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAspectJAutoProxy(proxyTargetClass = true)
@EnableResilientMethods(proxyTargetClass = true)
@EnableRetry(proxyTargetClass = true)
@Import({
  FallbackConfiguration.class,
  SpelResolverConfiguration.class,
  BackonAutoConfiguration.class
})
public class AnnotatedBeansConfiguration {

  /** The Resilience4j retry instance the annotated bean names. */
  static final String RETRY_NAME = "peer";

  @Bean
  UnadvisedService unadvisedService() {
    return new UnadvisedService();
  }

  @Bean
  BackonAnnotatedService backonAnnotatedService() {
    return new BackonAnnotatedService();
  }

  /**
   * The Backon policy the annotated bean names ({@code @Backon("peer")}), registered under its bean
   * name.
   */
  @Bean
  io.backon.RetryPolicy peer() {
    return PeerRetries.backonPolicy().build();
  }

  @Bean
  Resilience4jRetryService resilience4jRetryService() {
    return new Resilience4jRetryService();
  }

  @Bean
  SpringRetryableService springRetryableService() {
    return new SpringRetryableService();
  }

  @Bean
  SpringRetryService springRetryService() {
    return new SpringRetryService();
  }

  @Bean
  RetryRegistry resilience4jRetryRegistry() {
    return RetryRegistry.of(Map.of(RETRY_NAME, PeerRetries.resilience4j().getRetryConfig()));
  }

  @Bean
  RetryAspect resilience4jRetryAspect(
      RetryRegistry registry, SpelResolver spelResolver, FallbackDecorators fallbackDecorators) {
    return new RetryAspect(
        new RetryConfigurationProperties(),
        registry,
        List.of(),
        new FallbackExecutor(spelResolver, fallbackDecorators),
        spelResolver,
        ContextAwareScheduledThreadPoolExecutor.newScheduledThreadPool().corePoolSize(1).build());
  }
}
