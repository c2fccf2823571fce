package io.backon.spring.boot.autoconfigure.http;

import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Decides which client's rules apply to a request: the client the request names (an HTTP service
 * group, or the request attribute {@link BackonHttp#CLIENT_ATTRIBUTE}); else the first client in
 * {@code backon.http.clients} whose hosts match; else {@code backon.http.defaults}. Built and
 * validated once at startup; immutable and thread-safe.
 */
final class HttpRulesResolver {

  static final String DEFAULTS = "defaults";
  private static final String PREFIX = "backon.http.";

  private final HttpClientRules defaults;
  private final Map<String, HttpClientRules> clients;

  private HttpRulesResolver(HttpClientRules defaults, Map<String, HttpClientRules> clients) {
    this.defaults = defaults;
    this.clients = clients;
  }

  /**
   * Reads and checks {@code backon.http.defaults} and {@code backon.http.clients}.
   *
   * @param policyExists whether a Backon policy of that name exists
   * @throws BackonConfigurationException naming the first bad setting
   */
  static HttpRulesResolver of(HttpProperties properties, Predicate<String> policyExists) {
    HttpClientProperties base = properties.getDefaults();
    if (!base.getHosts().isEmpty()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.CONTRADICTORY_SETTINGS,
          PREFIX + "defaults.hosts",
          "the defaults apply to every host, so they list none.",
          "move the hosts to a client: backon.http.clients.<name>.hosts.");
    }
    HttpClientRules defaults =
        rules(DEFAULTS, PREFIX + "defaults", base, new HttpClientProperties(), policyExists);
    Map<String, HttpClientRules> clients = new LinkedHashMap<>();
    properties
        .getClients()
        .forEach(
            (name, own) ->
                clients.put(
                    name, rules(name, PREFIX + "clients." + name, own, base, policyExists)));
    return new HttpRulesResolver(defaults, Collections.unmodifiableMap(clients));
  }

  private static HttpClientRules rules(
      String name,
      String section,
      HttpClientProperties own,
      HttpClientProperties base,
      Predicate<String> policyExists) {
    List<HostPattern> hosts = new ArrayList<>();
    for (int i = 0; i < own.getHosts().size(); i++) {
      hosts.add(HostPattern.parse(own.getHosts().get(i), section + ".hosts[" + i + "]"));
    }
    String policy = first(own.getPolicy(), base.getPolicy(), io.backon.RetryPolicy.DEFAULT_NAME);
    if (!policyExists.test(policy)) {
      throw new BackonConfigurationException(
          ConfigErrorCode.UNKNOWN_POLICY,
          section(section, own.getPolicy(), "policy"),
          "there is no retry policy named '" + policy + "'.",
          "define backon.policies."
              + policy
              + " or a RetryPolicy bean of that name, or fix the name.");
    }
    List<Integer> statuses =
        first(
            own.getRetryStatuses(),
            base.getRetryStatuses(),
            HttpClientRules.DEFAULT_RETRY_STATUSES);
    for (Integer status : statuses) {
      if (status == null || status < 400 || status > 599) {
        throw new BackonConfigurationException(
            ConfigErrorCode.OUT_OF_RANGE,
            section(section, own.getRetryStatuses(), "retry-statuses"),
            "the status "
                + status
                + " is not an error status (400-599): a retried status counts as a failed"
                + " attempt.",
            "list the error statuses to retry, such as 429, 502, 503, 504.");
      }
    }
    Duration cap =
        first(
            own.getRetryAfterCap(),
            base.getRetryAfterCap(),
            HttpClientRules.DEFAULT_RETRY_AFTER_CAP);
    if (cap.isNegative()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.INVALID_DURATION,
          section(section, own.getRetryAfterCap(), "retry-after-cap"),
          "the duration " + cap + " must not be negative.",
          "set it to zero (never wait for Retry-After) or a positive duration such as 30s.");
    }
    String header =
        first(
            own.getIdempotencyKeyHeader(),
            base.getIdempotencyKeyHeader(),
            HttpClientRules.DEFAULT_IDEMPOTENCY_KEY_HEADER);
    if (header.isBlank()) {
      throw new BackonConfigurationException(
          ConfigErrorCode.INVALID_VALUE,
          section(section, own.getIdempotencyKeyHeader(), "idempotency-key-header"),
          "the header name is blank.",
          "name a header such as Idempotency-Key, or remove the setting.");
    }
    return new HttpClientRules(
        name,
        hosts,
        policy,
        statuses,
        first(
            own.getNonIdempotent(),
            base.getNonIdempotent(),
            HttpClientRules.DEFAULT_NON_IDEMPOTENT),
        header,
        cap,
        first(own.getHostCircuitBreaker(), base.getHostCircuitBreaker(), Boolean.TRUE));
  }

  private static String section(String section, @Nullable Object own, String key) {
    return (own != null ? section : PREFIX + "defaults") + "." + key;
  }

  private static <T> T first(@Nullable T own, @Nullable T base, T fallback) {
    return own != null ? own : base != null ? base : fallback;
  }

  /** The rules for a request to {@code host}, naming {@code client} (or none). */
  HttpClientRules resolve(@Nullable String client, HostAddress host) {
    if (client != null) {
      HttpClientRules named = clients.get(client);
      if (named != null) {
        return named;
      }
    }
    for (HttpClientRules rules : clients.values()) {
      if (rules.covers(host)) {
        return rules;
      }
    }
    return defaults;
  }

  /** The rules of {@code backon.http.defaults}. */
  HttpClientRules defaults() {
    return defaults;
  }

  /** The names of the configured clients, in order. */
  Set<String> clientNames() {
    return clients.keySet();
  }
}
