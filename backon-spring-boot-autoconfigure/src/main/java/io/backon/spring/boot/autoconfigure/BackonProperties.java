package io.backon.spring.boot.autoconfigure;

import io.backon.spring.boot.autoconfigure.http.HttpProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Every {@code backon.*} setting: the global switch, policy defaults, named policies, circuit
 * breakers, retry budgets, observations and HTTP clients. Unknown keys fail the startup (a typo
 * never silently falls back to a default). Mutable JavaBean for binding only; the policies,
 * breakers and budgets built from it are immutable.
 */
@ConfigurationProperties(prefix = "backon", ignoreUnknownFields = false)
public class BackonProperties {

  /**
   * Whether @Backon methods retry; false calls each target exactly once, directly. Default true.
   */
  private boolean enabled = true;

  /**
   * Confirms that every hedging.max-hedges and @Backon(hedges) value counts the copies in flight
   * including the first (1 = no hedging, 2 = the first copy and one hedge), as
   * HedgingPolicy.maxHedges does. Earlier versions counted only the extra copies, so while a hedge
   * count is set and this is not true the startup fails (BACKON-CFG-019). Default false.
   */
  private boolean maxHedgesIncludesFirst;

  /** Settings every policy starts from, including the policy named "default". */
  @NestedConfigurationProperty private PolicyProperties defaults = new PolicyProperties();

  /** Named retry policies, referenced by @Backon("name"). */
  private Map<String, PolicyProperties> policies = new LinkedHashMap<>();

  /** Settings every configured circuit breaker starts from. */
  @NestedConfigurationProperty
  private CircuitBreakerProperties circuitBreakerDefaults = new CircuitBreakerProperties();

  /** Named circuit breakers, referenced by a policy's circuit-breaker setting. */
  private Map<String, CircuitBreakerProperties> circuitBreakers = new LinkedHashMap<>();

  /** Settings every configured retry budget starts from. */
  @NestedConfigurationProperty private BudgetProperties budgetDefaults = new BudgetProperties();

  /** Named retry budgets, referenced by a policy's budget setting. */
  private Map<String, BudgetProperties> budgets = new LinkedHashMap<>();

  /** Whether calls are also Micrometer observations (spans with a tracing bridge). */
  @NestedConfigurationProperty
  private ObservationsProperties observations = new ObservationsProperties();

  /** Which optional meters are recorded. */
  @NestedConfigurationProperty private MetricsProperties metrics = new MetricsProperties();

  /** HTTP clients (RestClient, RestTemplate, WebClient) and problem details on the serving side. */
  @NestedConfigurationProperty private HttpProperties http = new HttpProperties();

  /** The event history of /actuator/backon/events. */
  @NestedConfigurationProperty private EventsProperties events = new EventsProperties();

  /** The live dashboard at /actuator/backon/dashboard. */
  @NestedConfigurationProperty private DashboardProperties dashboard = new DashboardProperties();

  /** Whether @Backon methods retry. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether @Backon methods retry. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Whether hedge counts are confirmed to count the first copy. */
  public boolean isMaxHedgesIncludesFirst() {
    return maxHedgesIncludesFirst;
  }

  /** Confirms (true) that hedge counts count the first copy. */
  public void setMaxHedgesIncludesFirst(boolean maxHedgesIncludesFirst) {
    this.maxHedgesIncludesFirst = maxHedgesIncludesFirst;
  }

  /** The settings every policy starts from. */
  public PolicyProperties getDefaults() {
    return defaults;
  }

  /** Sets the settings every policy starts from. */
  public void setDefaults(PolicyProperties defaults) {
    this.defaults = defaults;
  }

  /** The named policies. */
  public Map<String, PolicyProperties> getPolicies() {
    return policies;
  }

  /** Sets the named policies. */
  public void setPolicies(Map<String, PolicyProperties> policies) {
    this.policies = policies;
  }

  /** The settings every breaker starts from. */
  public CircuitBreakerProperties getCircuitBreakerDefaults() {
    return circuitBreakerDefaults;
  }

  /** Sets the settings every breaker starts from. */
  public void setCircuitBreakerDefaults(CircuitBreakerProperties circuitBreakerDefaults) {
    this.circuitBreakerDefaults = circuitBreakerDefaults;
  }

  /** The named circuit breakers. */
  public Map<String, CircuitBreakerProperties> getCircuitBreakers() {
    return circuitBreakers;
  }

  /** Sets the named circuit breakers. */
  public void setCircuitBreakers(Map<String, CircuitBreakerProperties> circuitBreakers) {
    this.circuitBreakers = circuitBreakers;
  }

  /** The settings every budget starts from. */
  public BudgetProperties getBudgetDefaults() {
    return budgetDefaults;
  }

  /** Sets the settings every budget starts from. */
  public void setBudgetDefaults(BudgetProperties budgetDefaults) {
    this.budgetDefaults = budgetDefaults;
  }

  /** The named retry budgets. */
  public Map<String, BudgetProperties> getBudgets() {
    return budgets;
  }

  /** Sets the named retry budgets. */
  public void setBudgets(Map<String, BudgetProperties> budgets) {
    this.budgets = budgets;
  }

  /** Whether calls are also observations. */
  public ObservationsProperties getObservations() {
    return observations;
  }

  /** Sets whether calls are also observations. */
  public void setObservations(ObservationsProperties observations) {
    this.observations = observations;
  }

  /** The HTTP client and problem-details settings. */
  public HttpProperties getHttp() {
    return http;
  }

  /** Sets the HTTP client and problem-details settings. */
  public void setHttp(HttpProperties http) {
    this.http = http;
  }

  /** The event history's settings. */
  public EventsProperties getEvents() {
    return events;
  }

  /** Sets the event history's settings. */
  public void setEvents(EventsProperties events) {
    this.events = events;
  }

  /** The dashboard's settings. */
  public DashboardProperties getDashboard() {
    return dashboard;
  }

  /** Sets the dashboard's settings. */
  public void setDashboard(DashboardProperties dashboard) {
    this.dashboard = dashboard;
  }

  /** Which optional meters are recorded. */
  public MetricsProperties getMetrics() {
    return metrics;
  }

  /** Sets which optional meters are recorded. */
  public void setMetrics(MetricsProperties metrics) {
    this.metrics = metrics;
  }
}
