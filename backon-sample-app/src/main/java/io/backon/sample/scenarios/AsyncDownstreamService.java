package io.backon.sample.scenarios;

import io.backon.Backon;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamClient;
import io.backon.sample.client.DownstreamReply;
import io.backon.sample.downstream.DownstreamEndpoint;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Non-blocking calls of the downstream under the policy {@code downstream-async}, with a {@link
 * WebClient} built from Spring Boot's builder (so Backon's HTTP layer is in it: inside an attempt
 * it makes one request). A failed future (or a failed {@link Mono}) is retried without blocking any
 * thread between attempts; an attempt that runs over the attempt timeout is cancelled, which
 * cancels its HTTP exchange. Failures are {@code WebClientResponseException} subtypes for error
 * statuses (with the response headers, such as {@code Retry-After}) and {@code
 * WebClientRequestException} for I/O errors. Thread-safe.
 */
@Service
public class AsyncDownstreamService {

  private final WebClient web;
  private final DownstreamEndpoint endpoint;

  AsyncDownstreamService(WebClient.Builder webClients, DownstreamEndpoint endpoint) {
    this.web = webClients.build();
    this.endpoint = endpoint;
  }

  /** Backon calls this method again for every attempt and retries the future it returns. */
  @Backon("downstream-async")
  public CompletableFuture<DownstreamReply> future(String requestId, CallTrace trace) {
    trace.recordAttempt();
    // The Mono emits one reply or fails, never completes empty: the future never holds null.
    @SuppressWarnings("NullAway")
    CompletableFuture<DownstreamReply> reply = get("scenario=async", requestId).toFuture();
    return reply;
  }

  /** Backon re-subscribes for every attempt; each subscription starts a new HTTP exchange. */
  @Backon("downstream-async")
  public Mono<DownstreamReply> mono(String requestId, CallTrace trace) {
    return Mono.defer(
        () -> {
          trace.recordAttempt();
          return get("scenario=reactive", requestId);
        });
  }

  /** {@code GET /data?<query>}; cancelling the subscription cancels the exchange. */
  private Mono<DownstreamReply> get(String query, String requestId) {
    return web.get()
        .uri(endpoint.uri("/data?" + query))
        .header(DownstreamClient.REQUEST_ID, requestId)
        .retrieve()
        .toBodilessEntity()
        .map(response -> DownstreamReply.fromHeaders(requestId, response.getHeaders()::getFirst));
  }
}
