package io.backon.sample.scenarios;

import io.backon.Backon;
import io.backon.sample.client.CallTrace;
import io.backon.sample.client.DownstreamClient;
import io.backon.sample.client.DownstreamReply;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Blocking calls of the downstream, one method per policy in {@code application.yml}. Each method
 * is one attempt; {@code @Backon} turns it into a resilient call. Every method takes the {@code
 * requestId} the downstream counts hits by and a {@link CallTrace} that records what the client
 * saw. Thread-safe.
 */
@Service
public class DownstreamService {

  /** The Backon HTTP client ({@code backon.http.clients.*}) of {@link #throughHttpLayer}. */
  static final String HTTP_CLIENT = "downstream-http";

  /** The value the fallback serves before any call has succeeded. */
  static final String DEFAULT_OUTCOME = "default";

  private final DownstreamClient client;
  private final AtomicReference<@Nullable DownstreamReply> lastGood = new AtomicReference<>();

  DownstreamService(DownstreamClient client) {
    this.client = client;
  }

  /** Retries 5xx, 429 and I/O errors with exponential back-off; waits as a Retry-After asks. */
  @Backon("downstream-retry")
  public DownstreamReply withRetry(String requestId, CallTrace trace) {
    return client.fetch("scenario=retry", requestId, trace);
  }

  /** Every attempt goes through the circuit breaker {@code downstream}. */
  @Backon("downstream-breaker")
  public DownstreamReply behindBreaker(String requestId, CallTrace trace) {
    return client.fetch("scenario=breaker", requestId, trace);
  }

  /** A second copy starts when the first has not answered within 50 ms; the first answer wins. */
  @Backon("downstream-hedged")
  public DownstreamReply hedged(String requestId, CallTrace trace) {
    return client.fetch("scenario=hedged", requestId, trace);
  }

  /** Each attempt may take 300 ms, the whole call 1 s. */
  @Backon("downstream-deadline")
  public DownstreamReply withDeadline(String requestId, CallTrace trace) {
    return client.fetch("scenario=deadline", requestId, trace);
  }

  /** Retries spend tokens of the budget {@code downstream}, shared by every call. */
  @Backon("downstream-budgeted")
  public DownstreamReply budgeted(String requestId, CallTrace trace) {
    return client.fetch("scenario=budget", requestId, trace);
  }

  /** Retries, then answers with the last good reply (or a default one) instead of failing. */
  @Backon(value = "downstream-retry", maxTries = 3, fallback = "lastKnownGood")
  public DownstreamReply withFallback(String requestId, CallTrace trace) {
    DownstreamReply reply = client.fetch("scenario=fallback", requestId, trace);
    lastGood.set(reply);
    return reply;
  }

  /**
   * No annotation: a plain call of the client. Backon's HTTP layer, configured under {@code
   * backon.http.clients.downstream-http}, retries it (5xx, 429, resets; {@code Retry-After}), and
   * the downstream's host has its own circuit breaker.
   */
  public DownstreamReply throughHttpLayer(String requestId, CallTrace trace) {
    return client.fetchAsClient(HTTP_CLIENT, "scenario=http", requestId, trace);
  }

  /**
   * The fallback of {@link #withFallback}: same parameters plus the failure, same return type.
   * Backon calls it once the call has given up.
   */
  DownstreamReply lastKnownGood(String requestId, CallTrace trace, Exception failure) {
    trace.recordFallback(failure);
    DownstreamReply cached = lastGood.get();
    return cached != null
        ? cached.servedBy("cache", requestId)
        : new DownstreamReply(requestId, 0, DEFAULT_OUTCOME, 0, DEFAULT_OUTCOME);
  }
}
