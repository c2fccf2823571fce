package io.backon.sample.downstream;

import java.time.Duration;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The decision for one {@code /data} hit: how long to wait and how to answer. A pure function of
 * the behaviour, the request id and the hit number (see {@link DownstreamBehaviour} for the order
 * of the rules), so a seeded run repeats exactly.
 *
 * @param latency how long the downstream waits before answering
 * @param outcome how it answers
 */
record HitPlan(Duration latency, HitOutcome outcome) {

  /**
   * Decides one hit.
   *
   * @param behaviour the snapshot in force
   * @param requestId the {@code X-Request-Id}, or {@code null} for a hit without one
   * @param hitNumber 1-based number of the hit for this request id (for hits without an id: among
   *     those hits)
   */
  static HitPlan decide(DownstreamBehaviour behaviour, @Nullable String requestId, long hitNumber) {
    long idHash = requestId == null ? 0x9E3779B97F4A7C15L : requestId.hashCode();
    SplittableRandom random =
        new SplittableRandom(mix(mix(behaviour.seed() ^ mix(idHash)) + hitNumber));
    // Always three draws in the same order: changing one rate never shifts the others' decisions.
    boolean longTail = random.nextDouble() < behaviour.longTailRate();
    boolean reset = random.nextDouble() < behaviour.resetRate();
    boolean failure = random.nextDouble() < behaviour.failureRate();

    Duration latency = longTail ? behaviour.longTailLatency() : behaviour.latency();
    HitOutcome outcome;
    if (behaviour.outage()) {
      outcome = HitOutcome.OUTAGE;
    } else if (requestId != null && hitNumber <= behaviour.failFirst()) {
      outcome = HitOutcome.FAIL_FIRST;
    } else if (reset) {
      outcome = HitOutcome.RESET;
    } else if (failure) {
      outcome = HitOutcome.FAILURE_RATE;
    } else {
      outcome = HitOutcome.OK;
    }
    return new HitPlan(latency, outcome);
  }

  /** Stafford's 64-bit finaliser (variant 13): spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
