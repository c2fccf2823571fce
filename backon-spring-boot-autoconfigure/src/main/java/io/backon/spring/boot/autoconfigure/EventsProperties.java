package io.backon.spring.boot.autoconfigure;

/**
 * The event history of {@code /actuator/backon/events} ({@code backon.events.*}). Mutable JavaBean
 * for binding only.
 */
public class EventsProperties {

  /**
   * Events kept per policy, circuit breaker and retry budget for /actuator/backon/events (retries,
   * give-ups, hedges, breaker transitions, budget refusals); older ones are overwritten. Recorded
   * only while the backon endpoint is available. Default 100, at most 10000.
   */
  private int capacity = 100;

  /** Events kept per policy, breaker and budget. */
  public int getCapacity() {
    return capacity;
  }

  /** Sets the events kept per policy, breaker and budget. */
  public void setCapacity(int capacity) {
    this.capacity = capacity;
  }
}
