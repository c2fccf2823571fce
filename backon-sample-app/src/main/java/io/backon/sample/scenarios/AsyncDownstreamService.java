package io.backon.sample.scenarios;

import io.backon.Backon;
import io.backon.sample.client.AsyncDownstreamClient;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamReply;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Non-blocking calls of the downstream under the policy {@code downstream-async}: a failed future
 * (or a failed {@link Mono}) is retried without blocking any thread between attempts; an attempt
 * that runs over the attempt timeout is cancelled, which cancels its HTTP exchange. Thread-safe.
 */
@Service
public class AsyncDownstreamService {

  private final AsyncDownstreamClient client;

  AsyncDownstreamService(AsyncDownstreamClient client) {
    this.client = client;
  }

  /** Backon calls this method again for every attempt and retries the future it returns. */
  @Backon("downstream-async")
  public CompletableFuture<DownstreamReply> future(String requestId, CallTrace trace) {
    return client.fetch("scenario=async", requestId, trace);
  }

  /** Backon re-subscribes for every attempt; each subscription starts a new HTTP exchange. */
  @Backon("downstream-async")
  public Mono<DownstreamReply> mono(String requestId, CallTrace trace) {
    return Mono.fromFuture(() -> client.fetch("scenario=reactive", requestId, trace));
  }
}
