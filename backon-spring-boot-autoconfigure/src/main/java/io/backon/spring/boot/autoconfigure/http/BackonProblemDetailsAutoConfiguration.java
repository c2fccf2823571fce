package io.backon.spring.boot.autoconfigure.http;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link BackonProblemDetailsAdvice} in Spring MVC and WebFlux applications: an open
 * breaker answers 503 with {@code Retry-After}, a passed deadline 504, as problem details. Turn it
 * off with {@code backon.http.problem-details=false}, or replace it with your own bean.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.springframework.http.ProblemDetail")
@ConditionalOnBooleanProperty(name = "backon.http.problem-details", matchIfMissing = true)
public final class BackonProblemDetailsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  BackonProblemDetailsAdvice backonProblemDetailsAdvice() {
    return new BackonProblemDetailsAdvice();
  }
}
