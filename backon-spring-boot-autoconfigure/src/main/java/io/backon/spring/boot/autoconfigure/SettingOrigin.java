package io.backon.spring.boot.autoconfigure;

import java.util.List;
import java.util.Objects;

/**
 * Where the value of one setting of a policy came from, as {@code /actuator/backon} shows it.
 * Immutable.
 *
 * @param kind which layer decided the value
 * @param properties the full names of the properties or annotation attributes that set it, e.g.
 *     {@code backon.defaults.retry-on} or {@code @Backon(maxTries) on PaymentClient.charge(Order)};
 *     empty for {@link Kind#BUILT_IN}, {@link Kind#BEAN} and {@link Kind#CUSTOMIZER}
 */
public record SettingOrigin(Kind kind, List<String> properties) {

  /** Checks the kind and keeps an unmodifiable copy of the properties. */
  public SettingOrigin {
    Objects.requireNonNull(kind, "kind");
    properties = List.copyOf(properties);
  }

  /** The layers a setting can come from, least specific first. */
  public enum Kind {
    /** Nothing set it: Backon's documented default. */
    BUILT_IN,
    /** {@code backon.defaults}, which every policy starts from. */
    DEFAULTS,
    /** A policy named in the {@code extends} chain. */
    EXTENDS,
    /** The policy's own {@code backon.policies.<name>} section. */
    POLICY,
    /** A {@code RetryPolicy} bean: the application built the whole policy. */
    BEAN,
    /** An attribute of the {@code @Backon} annotation on the method. */
    ANNOTATION,
    /** A {@code BackonPolicyCustomizer} changed the value the layers above gave. */
    CUSTOMIZER
  }
}
