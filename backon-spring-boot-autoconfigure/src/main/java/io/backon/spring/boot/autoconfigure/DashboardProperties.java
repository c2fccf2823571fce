package io.backon.spring.boot.autoconfigure;

/**
 * The live dashboard at {@code /actuator/backon/dashboard} ({@code backon.dashboard.*}). Mutable
 * JavaBean for binding only.
 */
public class DashboardProperties {

  /**
   * Whether /actuator/backon/dashboard serves a live page of breakers, retries, give-ups, hedges
   * and budgets (needs a web application with the backon endpoint exposed over HTTP; it is behind
   * the Actuator base path and its security). Default false.
   */
  private boolean enabled;

  /** Whether the dashboard is served. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the dashboard is served. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
