package io.backon.sample.downstream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts {@code /data} hits in total and per request id, in bounded memory: at most {@code
 * maxRequestIds} ids are kept, and the oldest id is dropped (and counted as evicted) to make room
 * for a new one. Thread-safe; one lock, held only to update the counts.
 */
final class HitCounter {

  private final int maxRequestIds;
  private final Map<String, Long> hitsByRequestId = new LinkedHashMap<>();
  private long totalHits;
  private long anonymousHits;
  private long evictedRequestIds;

  HitCounter(int maxRequestIds) {
    if (maxRequestIds < 1) {
      throw new IllegalArgumentException("maxRequestIds must be >= 1 but was " + maxRequestIds);
    }
    this.maxRequestIds = maxRequestIds;
  }

  /**
   * Counts one hit.
   *
   * @param requestId the {@code X-Request-Id}, or {@code null}
   * @return the 1-based number of this hit for its request id (for hits without one: among them)
   */
  synchronized long count(@Nullable String requestId) {
    totalHits++;
    if (requestId == null) {
      return ++anonymousHits;
    }
    Long previous = hitsByRequestId.get(requestId);
    long hit = previous == null ? 1 : previous + 1;
    if (previous == null && hitsByRequestId.size() == maxRequestIds) {
      String oldest = hitsByRequestId.keySet().iterator().next();
      hitsByRequestId.remove(oldest);
      evictedRequestIds++;
    }
    hitsByRequestId.put(requestId, hit);
    return hit;
  }

  /** Hits counted for one request id; 0 if never seen or evicted. */
  synchronized long hits(String requestId) {
    return hitsByRequestId.getOrDefault(requestId, 0L);
  }

  /** Every hit counted. */
  synchronized long totalHits() {
    return totalHits;
  }

  /** A consistent copy of all counts. */
  synchronized DownstreamStats snapshot() {
    return new DownstreamStats(totalHits, anonymousHits, evictedRequestIds, hitsByRequestId);
  }

  /** Forgets every count. */
  synchronized void reset() {
    hitsByRequestId.clear();
    totalHits = 0;
    anonymousHits = 0;
    evictedRequestIds = 0;
  }
}
