package io.backon.sample.client;

import io.backon.sample.downstream.DownstreamEndpoint;
import io.backon.spring.boot.autoconfigure.http.BackonHttp;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls the downstream's {@code GET /data} with Spring's {@link RestClient} and blocks for the
 * answer. The client comes from Spring Boot's builder, so Backon's HTTP layer is in it: inside a
 * {@code @Backon} method's attempt it makes one request (the method's policy owns retrying); a call
 * made outside any attempt ({@link #fetchAsClient}) is retried by the HTTP layer itself under the
 * rules of {@code backon.http.clients.<client>}. Thread-safe.
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
   * One {@code GET /data?<query>} for {@code requestId}, meant for a {@code @Backon} method; each
   * request that leaves the client is recorded in {@code trace}.
   *
   * @param query the query string without {@code ?}, e.g. {@code scenario=retry}
   * @throws HttpStatusCodeException for an error status (its subtype names the status, e.g. {@code
   *     HttpServerErrorException.ServiceUnavailable}; the response headers, such as {@code
   *     Retry-After}, are kept)
   * @throws ResourceAccessException for an I/O error: a connection reset, a refused connection, an
   *     interrupted call
   */
  public DownstreamReply fetch(String query, String requestId, CallTrace trace) {
    return get(query, requestId, trace, null);
  }

  /**
   * Like {@link #fetch}, naming the Backon HTTP client whose rules apply ({@code
   * backon.http.clients.<client>}): called outside any {@code @Backon} attempt, the HTTP layer
   * retries, waits for {@code Retry-After} and guards the host with its breaker by itself.
   *
   * @throws io.backon.breaker.CircuitOpenException when the host's breaker is open
   */
  public DownstreamReply fetchAsClient(
      String client, String query, String requestId, CallTrace trace) {
    return get(query, requestId, trace, Objects.requireNonNull(client, "client"));
  }

  private DownstreamReply get(
      String query, String requestId, CallTrace trace, @Nullable String client) {
    RestClient.RequestHeadersSpec<?> request =
        rest.get()
            .uri(endpoint.uri("/data?" + query))
            .header(REQUEST_ID, requestId)
            .attribute(AttemptRecorder.TRACE_ATTRIBUTE, trace);
    if (client != null) {
      request = request.attribute(BackonHttp.CLIENT_ATTRIBUTE, client);
    }
    ResponseEntity<Void> response = request.retrieve().toBodilessEntity();
    return DownstreamReply.fromHeaders(requestId, response.getHeaders()::getFirst);
  }
}
