package io.backon.spring.boot.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP statuses for the {@code backon} endpoint: 404 with {@code {"message": ...}} for an unknown
 * kind or name, 400 for an unknown breaker state or event kind. The bodies are the endpoint's own;
 * JMX gets the same bodies without a status. The write operation follows the endpoint's access
 * (read-only unless {@code management.endpoint.backon.access=unrestricted}). With a {@link
 * BackonDashboard} it also serves the dashboard at {@code /actuator/backon/dashboard}.
 */
@EndpointWebExtension(endpoint = BackonEndpoint.class)
public class BackonWebEndpointExtension {

  private final BackonEndpoint endpoint;
  private final @Nullable BackonDashboard dashboard;

  /** The extension of {@code endpoint}, without the dashboard. */
  public BackonWebEndpointExtension(BackonEndpoint endpoint) {
    this(endpoint, null);
  }

  BackonWebEndpointExtension(BackonEndpoint endpoint, @Nullable BackonDashboard dashboard) {
    this.endpoint = endpoint;
    this.dashboard = dashboard;
  }

  /**
   * {@code GET /actuator/backon/{kind}/{name}}: the entry, or 404 with a message; with the
   * dashboard on, {@code /actuator/backon/dashboard/{file}} is one of its files.
   */
  @ReadOperation
  public WebEndpointResponse<Object> entry(@Selector String kind, @Selector String name) {
    BackonDashboard page = dashboard;
    if (page != null && BackonDashboard.PATH.equals(kind)) {
      WebEndpointResponse<Object> asset = page.asset(name);
      if (asset != null) {
        return asset;
      }
    }
    return response(endpoint.find(kind, name));
  }

  /**
   * {@code GET /actuator/backon/events?name=&kind=&since=}: the recent events, 400 for an unknown
   * kind, 404 for an unknown name; with the dashboard on, {@code /actuator/backon/dashboard} is the
   * page (HTML).
   */
  @ReadOperation
  public WebEndpointResponse<Object> events(
      @Selector String section,
      @Nullable String name,
      @Nullable String kind,
      @Nullable Long since) {
    BackonDashboard page = dashboard;
    if (page != null && BackonDashboard.PATH.equals(section)) {
      return page.page();
    }
    return response(endpoint.history(section, name, kind, since));
  }

  /** {@code POST /actuator/backon/circuit-breakers/{name}} with {@code {"state": "open"}}. */
  @WriteOperation
  public WebEndpointResponse<Object> transition(
      @Selector String kind, @Selector String name, String state) {
    return response(endpoint.move(kind, name, state));
  }

  private static WebEndpointResponse<Object> response(Answer answer) {
    return new WebEndpointResponse<>(answer.body(), answer.status());
  }
}
