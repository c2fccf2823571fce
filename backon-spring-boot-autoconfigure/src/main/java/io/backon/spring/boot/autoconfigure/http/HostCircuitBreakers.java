package io.backon.spring.boot.autoconfigure.http;

import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.breaker.CircuitBreakerBuilder;
import io.backon.breaker.CircuitBreakerConfig;
import io.backon.spring.boot.autoconfigure.BackonCircuitBreakerCustomizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One circuit breaker per downstream {@code host:port}, named after it, created on the first call
 * from the template settings and the {@link BackonCircuitBreakerCustomizer}s. At most {@code
 * maxHosts} hosts are kept ({@code backon.http.max-hosts}): beyond that the least recently used
 * host is dropped with its breaker (a later call to it starts a fresh, closed breaker). Each host
 * also keeps the HTTP policies built around its breaker. A bean of the HTTP client integration;
 * {@code /actuator/backon} lists its breakers under {@code hostCircuitBreakers}. Thread-safe:
 * lookups take one short lock.
 */
public final class HostCircuitBreakers {

  /** A host's breaker and the policies built around it, by client rules and hedging. */
  static final class Host {

    private final CircuitBreaker breaker;
    private final ConcurrentMap<String, Retrying> policies = new ConcurrentHashMap<>(4);

    Host(CircuitBreaker breaker) {
      this.breaker = breaker;
    }

    CircuitBreaker breaker() {
      return breaker;
    }

    /** The policy cached under {@code key}, built once by {@code build}. */
    Retrying policy(String key, Supplier<Retrying> build) {
      Retrying existing = policies.get(key);
      return existing != null ? existing : policies.computeIfAbsent(key, k -> build.get());
    }
  }

  private final CircuitBreakerConfig template;
  private final List<BackonCircuitBreakerCustomizer> customizers;
  private final Map<HostAddress, Host> hosts;

  /**
   * @param template the settings each host's breaker copies
   * @param customizers run on each new breaker's builder, with the host as the breaker's name
   * @param maxHosts the most hosts kept, {@code >= 1}
   */
  HostCircuitBreakers(
      CircuitBreakerConfig template,
      List<BackonCircuitBreakerCustomizer> customizers,
      int maxHosts) {
    if (maxHosts < 1) {
      throw new IllegalArgumentException("maxHosts must be >= 1 but was " + maxHosts);
    }
    this.template = template;
    this.customizers = List.copyOf(customizers);
    this.hosts =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<HostAddress, Host> eldest) {
            return size() > maxHosts;
          }
        };
  }

  /** The host's entry, created (and the least recently used one dropped) when it is new. */
  Host host(HostAddress address) {
    synchronized (hosts) {
      Host host = hosts.get(address);
      if (host == null) {
        host = new Host(newBreaker(address.toString()));
        hosts.put(address, host);
      }
      return host;
    }
  }

  private CircuitBreaker newBreaker(String name) {
    CircuitBreakerBuilder builder = CircuitBreaker.builder(name).config(template);
    customizers.forEach(c -> c.customize(name, builder));
    return builder.build();
  }

  /** The breaker of {@code address}, if the host is kept (a look-up counts as a use). */
  Optional<CircuitBreaker> find(HostAddress address) {
    synchronized (hosts) {
      Host host = hosts.get(address);
      return Optional.ofNullable(host == null ? null : host.breaker());
    }
  }

  /**
   * The breakers of the hosts kept now, least recently used first: a snapshot, each named {@code
   * host:port}. Reading does not count as a use.
   */
  public List<CircuitBreaker> all() {
    synchronized (hosts) {
      return hosts.values().stream().map(Host::breaker).toList();
    }
  }

  /**
   * The breaker of the kept host {@code hostAndPort} ({@code 127.0.0.1:8081}, as the breaker is
   * named), if any. Reading does not count as a use.
   */
  public Optional<CircuitBreaker> find(String hostAndPort) {
    for (CircuitBreaker breaker : all()) {
      if (breaker.name().equals(hostAndPort)) {
        return Optional.of(breaker);
      }
    }
    return Optional.empty();
  }

  /** The hosts kept now, least recently used first. */
  List<HostAddress> hosts() {
    synchronized (hosts) {
      return List.copyOf(hosts.keySet());
    }
  }
}
