package io.backon.breaker;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Named circuit breakers sharing default settings, one per downstream. {@link #breaker(String)}
 * returns the breaker of that name, creating it from the defaults on first use; every later call
 * with the same name returns the same instance. Thread-safe: breakers live in a {@link
 * ConcurrentHashMap}, and racing first uses create exactly one breaker.
 */
public final class CircuitBreakerRegistry {

  private final CircuitBreakerBuilder defaults;
  private final CircuitBreakerConfig defaultConfig;
  private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  private CircuitBreakerRegistry(CircuitBreakerBuilder defaults) {
    this.defaults = defaults;
    this.defaultConfig = defaults.buildConfig();
  }

  /** A registry whose breakers use {@link CircuitBreakerConfig#defaults()}. */
  public static CircuitBreakerRegistry ofDefaults() {
    return of(CircuitBreakerConfig.defaults());
  }

  /** A registry whose breakers use {@code defaults}. */
  public static CircuitBreakerRegistry of(CircuitBreakerConfig defaults) {
    Objects.requireNonNull(defaults, "defaults");
    return new CircuitBreakerRegistry(new CircuitBreakerBuilder("default").config(defaults));
  }

  /**
   * A registry whose breakers use the settings and state-change listeners of {@code defaults} (its
   * name is not used). The builder is copied and validated now; later changes to it do not apply.
   *
   * @throws IllegalStateException when the settings contradict each other
   */
  public static CircuitBreakerRegistry of(CircuitBreakerBuilder defaults) {
    Objects.requireNonNull(defaults, "defaults");
    return new CircuitBreakerRegistry(defaults.copy(defaults.name));
  }

  /** The default settings of new breakers. */
  public CircuitBreakerConfig defaults() {
    return defaultConfig;
  }

  /**
   * The breaker called {@code name} (not blank), created with the defaults if it does not exist.
   */
  public CircuitBreaker breaker(String name) {
    return breaker(name, builder -> {});
  }

  /**
   * The breaker called {@code name}, created if it does not exist from the defaults changed by
   * {@code customizer}. The customizer runs only when the breaker is created (at most once per
   * name), under the map's lock for that name: keep it short and do not use the registry in it. If
   * it throws or leaves invalid settings, nothing is registered and the exception propagates.
   */
  public CircuitBreaker breaker(String name, Consumer<CircuitBreakerBuilder> customizer) {
    CircuitBreakerBuilder.checkName(name);
    Objects.requireNonNull(customizer, "customizer");
    CircuitBreaker existing = breakers.get(name);
    if (existing != null) {
      return existing;
    }
    return breakers.computeIfAbsent(
        name,
        n -> {
          CircuitBreakerBuilder builder = defaults.copy(n);
          customizer.accept(builder);
          return builder.build();
        });
  }

  /**
   * Adds a breaker built elsewhere (for example a Spring bean) under its own name.
   *
   * @return {@code breaker}
   * @throws IllegalArgumentException if a breaker with that name is already registered
   */
  public CircuitBreaker register(CircuitBreaker breaker) {
    Objects.requireNonNull(breaker, "breaker");
    CircuitBreaker previous = breakers.putIfAbsent(breaker.name(), breaker);
    if (previous != null && previous != breaker) {
      throw new IllegalArgumentException(
          "a circuit breaker named '" + breaker.name() + "' is already registered");
    }
    return breaker;
  }

  /** The breaker called {@code name}, if it was created. */
  public Optional<CircuitBreaker> find(String name) {
    return Optional.ofNullable(breakers.get(Objects.requireNonNull(name, "name")));
  }

  /** An unmodifiable snapshot of every breaker created so far, in no particular order. */
  public Collection<CircuitBreaker> all() {
    return List.copyOf(breakers.values());
  }

  @Override
  public String toString() {
    return "CircuitBreakerRegistry" + breakers.keySet();
  }
}
