package io.backon.spring.boot.autoconfigure;

import io.backon.RetryPolicy;
import io.backon.Retrying;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The named retry policies of the application: those from {@code backon.policies.*}, the policy
 * {@code default} (from {@code backon.defaults}), and {@code RetryPolicy} beans (under their bean
 * names). Inject it to run code under a named policy without an annotation: {@code
 * registry.retrying("payments").call(...)}. Built once at startup; immutable and thread-safe.
 */
public final class RetryPolicyRegistry {

  private final Map<String, Retrying> retryings;
  private final Set<String> fromProperties;
  private final Map<String, Map<String, SettingOrigin>> origins;
  private final boolean enabled;

  RetryPolicyRegistry(Map<String, Retrying> retryings, boolean enabled) {
    this(retryings, Set.of(), Map.of(), enabled);
  }

  /**
   * @param fromProperties the names assembled from {@code backon.*} rather than taken from beans
   * @param origins per policy name, where each setting came from (see {@link #originsOf})
   */
  RetryPolicyRegistry(
      Map<String, Retrying> retryings,
      Set<String> fromProperties,
      Map<String, Map<String, SettingOrigin>> origins,
      boolean enabled) {
    this.retryings = Map.copyOf(retryings);
    this.fromProperties = Set.copyOf(fromProperties);
    Map<String, Map<String, SettingOrigin>> copy = new HashMap<>();
    origins.forEach(
        (name, map) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(map))));
    this.origins = Map.copyOf(copy);
    this.enabled = enabled;
  }

  /** The names of every policy, sorted. */
  public Set<String> names() {
    return new TreeSet<>(retryings.keySet());
  }

  /**
   * The policy called {@code name}.
   *
   * @throws IllegalArgumentException naming the known policies when there is none of that name
   */
  public RetryPolicy policy(String name) {
    return retrying(name).policy();
  }

  /**
   * A {@link Retrying} for the policy called {@code name}; when {@code backon.enabled=false} it
   * calls each target once.
   *
   * @throws IllegalArgumentException naming the known policies when there is none of that name
   */
  public Retrying retrying(String name) {
    Retrying retrying = retryings.get(name);
    if (retrying == null) {
      throw new IllegalArgumentException("no retry policy named '" + name + "'; known: " + names());
    }
    return retrying;
  }

  /** The policy called {@code name}, if there is one. */
  public Optional<RetryPolicy> find(String name) {
    return Optional.ofNullable(retryings.get(name)).map(Retrying::policy);
  }

  /**
   * Where each setting of the policy {@code name} came from, keyed by the setting names {@code
   * /actuator/backon} shows ({@code maxTries}, {@code waitStrategy}, ...), in that order; empty for
   * an unknown name.
   */
  public Map<String, SettingOrigin> originsOf(String name) {
    return origins.getOrDefault(name, Map.of());
  }

  /**
   * Whether the policy {@code name} was assembled from {@code backon.*} (not a RetryPolicy bean).
   */
  boolean definedInProperties(String name) {
    return fromProperties.contains(name);
  }

  /** Whether {@code backon.enabled} is true. */
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "RetryPolicyRegistry" + names();
  }
}
