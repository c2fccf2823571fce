package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicyBuilder;

/**
 * Adjusts a retry policy defined in properties after its {@code backon.*} settings are applied: add
 * listeners, a wait override (e.g. from a {@code Retry-After} header), a clock, a giveUpIf
 * predicate, anything the core builder can do. Declare one or more as beans; they run in {@link
 * org.springframework.core.annotation.Order} order, for every properties-defined policy (including
 * {@code default}) and for every {@code @Backon} method that overrides one. Policies defined as
 * {@code RetryPolicy} beans are not customized. Must be stateless or thread-safe.
 */
@FunctionalInterface
public interface BackonPolicyCustomizer {

  /**
   * @param policyName the policy's name, as used in {@code @Backon("...")}
   * @param builder the builder holding the configured settings
   */
  void customize(String policyName, RetryPolicyBuilder builder);
}
