package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;

/**
 * How the hedged attempts of one policy ended so far, from the {@code backon.hedges} meters.
 *
 * @param primaryWon the first copy succeeded first
 * @param hedgeWon a hedge succeeded first
 * @param allFailed every copy failed
 * @param cancelled the call was cancelled before a copy succeeded
 */
public record HedgeOutcomesDescriptor(
    long primaryWon, long hedgeWon, long allFailed, long cancelled) {

  /** Reads {@code counts}, keyed by the meters' {@code outcome} tag ({@code primary_won}, ...). */
  public static HedgeOutcomesDescriptor of(Map<String, Long> counts) {
    return new HedgeOutcomesDescriptor(
        counts.getOrDefault("primary_won", 0L),
        counts.getOrDefault("hedge_won", 0L),
        counts.getOrDefault("all_failed", 0L),
        counts.getOrDefault("cancelled", 0L));
  }
}
