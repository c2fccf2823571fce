package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;

/**
 * Changes every retry policy the starter runs after it is built — properties-defined ones, {@code
 * RetryPolicy} beans and {@code @Backon} methods with their own settings alike — typically to add
 * listeners through {@link RetryPolicy#toBuilder()}: {@code onBackoff}, {@code onGiveUp}, a hedge
 * listener, a breaker's state listener. The Actuator's event history is one. Declare as beans; they
 * run in {@link org.springframework.core.annotation.Order} order, before the policy is put on
 * Backon's threads. Unlike a {@link BackonPolicyCustomizer}, it sees the whole built policy. Must
 * be stateless or thread-safe.
 */
@FunctionalInterface
public interface BackonPolicyDecorator {

  /**
   * @param policy a built policy
   * @return the policy to run instead; {@code policy} itself to leave it as it is
   */
  RetryPolicy decorate(RetryPolicy policy);
}
