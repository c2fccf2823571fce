package io.backon.spring.boot.autoconfigure;

/**
 * Whether Backon's calls are also Micrometer observations ({@code backon.observations.*}). Mutable
 * JavaBean for binding only.
 */
public class ObservationsProperties {

  /**
   * Whether each call is a backon.call observation with a backon.attempt child per attempt (spans
   * with a tracing bridge): auto makes them only when an ObservationHandler bean other than Spring
   * Boot's DefaultMeterObservationHandler exists (a tracing handler or one of yours; not the
   * handler of the no-op tracer Spring Boot sets up for Micrometer Tracing without a bridge); on
   * (true) always; off (false) never. Default auto.
   */
  private Enabled enabled = Enabled.AUTO;

  /** Whether calls are observed. */
  public Enabled getEnabled() {
    return enabled;
  }

  /** Sets whether calls are observed. */
  public void setEnabled(Enabled enabled) {
    this.enabled = enabled;
  }

  /** The values of {@code backon.observations.enabled}; {@code true}/{@code false} bind too. */
  public enum Enabled {
    /** Observe when something consumes observations beyond Backon's own meters. */
    AUTO,
    /** Always observe (given an {@code ObservationRegistry} bean). */
    ON,
    /** Never observe: Backon's meters only. */
    OFF
  }
}
