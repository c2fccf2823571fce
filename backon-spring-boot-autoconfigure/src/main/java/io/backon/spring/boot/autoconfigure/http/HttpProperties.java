package io.backon.spring.boot.autoconfigure.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code backon.http.*} settings: HTTP clients built from Spring Boot's builders, and problem
 * details on the serving side. Mutable JavaBean for binding only; the rules built from it are
 * immutable.
 */
public class HttpProperties {

  /**
   * Whether RestClient, RestTemplate and WebClient built from Spring Boot's builders (and HTTP
   * interface clients on them) call through Backon. Default true.
   */
  private boolean enabled = true;

  /**
   * Whether Spring MVC and WebFlux answer an uncaught CircuitOpenException with 503 (Retry-After:
   * the remaining open time) and a DeadlineExceededException with 504, as RFC 9457 problem details;
   * your own @ExceptionHandler wins. Default true.
   */
  private boolean problemDetails = true;

  /**
   * Downstream hosts (host:port) that keep their own circuit breaker; beyond this the least
   * recently used host's breaker is dropped (a later call starts it afresh, closed). Also bounds
   * the host tag of backon.http.calls. Default 256.
   */
  private int maxHosts = 256;

  /**
   * The circuit breaker (backon.circuit-breakers.<name> or a CircuitBreaker bean) whose settings
   * each host's breaker copies. Default: the settings of backon.circuit-breaker-defaults.
   */
  private @Nullable String hostCircuitBreakerTemplate;

  /** The HTTP rules every client starts from. */
  @NestedConfigurationProperty private HttpClientProperties defaults = new HttpClientProperties();

  /**
   * Named clients: rules for the hosts they list, an HTTP service group of that name, or requests
   * naming them. The first client (in order) whose hosts match a request applies; else the
   * defaults.
   */
  private Map<String, HttpClientProperties> clients = new LinkedHashMap<>();

  /** Whether HTTP clients call through Backon. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether HTTP clients call through Backon. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether Backon's exceptions become problem details. */
  public boolean isProblemDetails() {
    return problemDetails;
  }

  /** Sets whether Backon's exceptions become problem details. */
  public void setProblemDetails(boolean problemDetails) {
    this.problemDetails = problemDetails;
  }

  /** The most hosts with their own circuit breaker. */
  public int getMaxHosts() {
    return maxHosts;
  }

  /** Sets the most hosts with their own circuit breaker. */
  public void setMaxHosts(int maxHosts) {
    this.maxHosts = maxHosts;
  }

  /** The breaker whose settings each host's breaker copies. */
  public @Nullable String getHostCircuitBreakerTemplate() {
    return hostCircuitBreakerTemplate;
  }

  /** Sets the breaker whose settings each host's breaker copies. */
  public void setHostCircuitBreakerTemplate(@Nullable String hostCircuitBreakerTemplate) {
    this.hostCircuitBreakerTemplate = hostCircuitBreakerTemplate;
  }

  /** The rules every client starts from. */
  public HttpClientProperties getDefaults() {
    return defaults;
  }

  /** Sets the rules every client starts from. */
  public void setDefaults(HttpClientProperties defaults) {
    this.defaults = defaults;
  }

  /** The named clients. */
  public Map<String, HttpClientProperties> getClients() {
    return clients;
  }

  /** Sets the named clients. */
  public void setClients(Map<String, HttpClientProperties> clients) {
    this.clients = clients;
  }
}
