package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;

/**
 * How the hedged attempts of a policy ended so far, for {@code /actuator/backon}: outcome ({@code
 * primary_won}, {@code hedge_won}, {@code all_failed}, {@code cancelled}) to count. Backon provides
 * one that reads the {@code backon.hedges} meters when Micrometer is configured; without it the
 * report shows no hedging counts. Must be thread-safe.
 */
@FunctionalInterface
public interface HedgeOutcomeCounts {

  /** The counts for {@code policyName}; empty when it never hedged. */
  Map<String, Long> of(String policyName);
}
