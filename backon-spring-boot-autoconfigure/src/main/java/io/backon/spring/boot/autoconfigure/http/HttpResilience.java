package io.backon.spring.boot.autoconfigure.http;

import io.backon.Retries;
import io.backon.RetryPolicy;
import io.backon.Retrying;
import io.backon.breaker.CircuitBreaker;
import io.backon.spring.boot.autoconfigure.RetryPolicyRegistry;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Plans each HTTP call for the client integrations: resolves the client rules for the request's
 * host, picks the host's circuit breaker, and decides who owns retrying. A request runs under its
 * client's policy: retried when it may be repeated (hedged only when its method is idempotent),
 * else one attempt that still has the policy's attempt timeout, deadline, breaker, listeners and
 * meters. A call made inside an attempt of an enclosing Backon call ({@code @Backon}, {@code
 * Retrying}, a Reactor operator) has one owner of retrying, the enclosing call: this layer makes
 * one attempt through the host's breaker. Thread-safe.
 */
final class HttpResilience {

  private final HttpRulesResolver resolver;
  private final RetryPolicyRegistry policies;
  private final HostCircuitBreakers breakers;
  private final HttpCallMeters meters;
  private final ConcurrentMap<String, Retrying> withoutHostBreaker = new ConcurrentHashMap<>();

  HttpResilience(
      HttpRulesResolver resolver,
      RetryPolicyRegistry policies,
      HostCircuitBreakers breakers,
      HttpCallMeters meters) {
    this.resolver = resolver;
    this.policies = policies;
    this.breakers = breakers;
    this.meters = meters;
  }

  /**
   * Plans one call.
   *
   * @param method the request method, upper case
   * @param uri the request URI
   * @param client the client the request names, or null
   * @param hasHeader whether the request carries a header of that name
   * @param insideAttempt whether an enclosing Backon attempt owns retrying
   */
  HttpCall plan(
      String method,
      URI uri,
      @Nullable String client,
      Predicate<String> hasHeader,
      boolean insideAttempt) {
    HostAddress host = HostAddress.of(uri);
    HttpClientRules rules = resolver.resolve(client, host);
    RetryPolicy base = policies.policy(rules.policy());
    if (!base.enabled() || !Retries.isEnabled()) {
      return new HttpCall(method, host, rules, base, null, null, meters);
    }
    HostCircuitBreakers.Host entry = rules.hostCircuitBreaker() ? breakers.host(host) : null;
    CircuitBreaker breaker = entry != null ? entry.breaker() : base.circuitBreaker();
    if (insideAttempt) {
      return new HttpCall(method, host, rules, base, breaker, null, meters);
    }
    boolean repeatable = rules.mayRepeat(method, hasHeader.test(rules.idempotencyKeyHeader()));
    boolean hedged = repeatable && base.hedging() != null && HttpClientRules.idempotent(method);
    String key = rules.name() + (!repeatable ? " once" : hedged ? " hedged" : "");
    Supplier<Retrying> build =
        () -> Retrying.of(HttpPolicyDerivation.derive(base, breaker, hedged, repeatable));
    Retrying retrying =
        entry != null
            ? entry.policy(key, build)
            : withoutHostBreaker.computeIfAbsent(key, k -> build.get());
    return new HttpCall(method, host, rules, base, breaker, retrying, meters);
  }

  /** Whether the calling thread runs inside an attempt of an enclosing Backon call. */
  static boolean insideAttempt() {
    return Retries.isRetrying();
  }

  /** The per-host breakers. */
  HostCircuitBreakers breakers() {
    return breakers;
  }
}
