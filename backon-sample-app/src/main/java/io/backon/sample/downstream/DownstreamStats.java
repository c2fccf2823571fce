package io.backon.sample.downstream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hits the {@link FlakyDownstream} counted on {@code /data} since start or the last reset: an
 * immutable snapshot.
 *
 * @param totalHits every {@code /data} request that was read, whatever its outcome
 * @param anonymousHits the requests among them without an {@code X-Request-Id} header
 * @param evictedRequestIds how many request ids were dropped from {@code hitsByRequestId} to keep
 *     it within its cap (oldest first); their next hit counts from 1 again
 * @param hitsByRequestId hits per {@code X-Request-Id}, oldest id first; unmodifiable
 */
public record DownstreamStats(
    long totalHits, long anonymousHits, long evictedRequestIds, Map<String, Long> hitsByRequestId) {

  /** Copies {@code hitsByRequestId}, keeping its order. */
  public DownstreamStats {
    hitsByRequestId = Collections.unmodifiableMap(new LinkedHashMap<>(hitsByRequestId));
  }

  /**
   * Hits counted for one request id.
   *
   * @return the count, 0 if the id was never seen (or was evicted)
   */
  public long hits(String requestId) {
    return hitsByRequestId.getOrDefault(requestId, 0L);
  }
}
