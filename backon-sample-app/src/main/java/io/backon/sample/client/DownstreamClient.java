package io.backon.sample.client;

import io.backon.sample.downstream.DownstreamEndpoint;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls the downstream's {@code GET /data} with Spring's {@link RestClient} and blocks for the
 * answer. It does not retry: the {@code @Backon} methods that call it do. Thread-safe.
 */
public final class DownstreamClient {

  /** The header the downstream counts hits by. */
  public static final String REQUEST_ID = "X-Request-Id";

  private final RestClient rest;
  private final DownstreamEndpoint endpoint;

  DownstreamClient(RestClient rest, DownstreamEndpoint endpoint) {
    this.rest = Objects.requireNonNull(rest, "rest");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * One {@code GET /data?<query>} for {@code requestId}; records the attempt in {@code trace}
   * first.
   *
   * @param query the query string without {@code ?}, e.g. {@code scenario=retry}
   * @throws HttpStatusCodeException for an error status (its subtype names the status, e.g.
   *     {@code HttpServerErrorException.ServiceUnavailable}; the response headers, such as
   *     {@code Retry-After}, are kept)
   * @throws ResourceAccessException for an I/O error: a connection reset, a refused connection, an
   *     interrupted call
   */
  public DownstreamReply fetch(String query, String requestId, CallTrace trace) {
    trace.recordAttempt();
    ResponseEntity<Void> response = rest.get()
        .uri(endpoint.uri("/data?" + query))
        .header(REQUEST_ID, requestId)
        .retrieve()
        .toBodilessEntity();
    return DownstreamReply.fromHeaders(requestId, response.getHeaders()::getFirst);
  }
}
