package io.backon.spring.boot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * HTTP statuses for the {@code backon} endpoint: 404 with {@code {"message": ...}} for an unknown
 * kind or name, 400 for an unknown breaker state. The bodies are the endpoint's own; JMX gets the
 * same bodies without a status. The write operation follows the endpoint's access (read-only
 * unless {@code management.endpoint.backon.access=unrestricted}).
 */
@EndpointWebExtension(endpoint = BackonEndpoint.class)
public class BackonWebEndpointExtension {

  private final BackonEndpoint endpoint;

  /** The extension of {@code endpoint}. */
  public BackonWebEndpointExtension(BackonEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** {@code GET /actuator/backon/{kind}/{name}}: the entry, or 404 with a message. */
  @ReadOperation
  public WebEndpointResponse<Object> entry(@Selector String kind, @Selector String name) {
    return response(endpoint.find(kind, name));
  }

  /** {@code POST /actuator/backon/circuit-breakers/{name}} with {@code {"state": "open"}}. */
  @WriteOperation
  public WebEndpointResponse<Object> transition(@Selector String kind, @Selector String name,
      String state) {
    return response(endpoint.move(kind, name, state));
  }

  private static WebEndpointResponse<Object> response(Answer answer) {
    return new WebEndpointResponse<>(answer.body(), answer.status());
  }
}
