package io.backon.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one meaning of a hedge count ({@code hedging.max-hedges}, {@code @Backon(hedges)}): copies of
 * an attempt in flight at most, the first included, as {@code HedgingPolicy.maxHedges} counts them
 * (1 = no hedging). Earlier versions counted only the extra copies, so every count ran one copy
 * more than it does now; a count is accepted only once {@value #CONFIRMATION}{@code =true} confirms
 * the new meaning, never silently reinterpreted.
 */
final class HedgeCount {

  /** The property that confirms the new meaning. */
  static final String CONFIRMATION = "backon.max-hedges-includes-first";

  /** The count that turns hedging off. */
  static final int NO_HEDGING = 1;

  private final boolean confirmed;

  HedgeCount(boolean confirmed) {
    this.confirmed = confirmed;
  }

  /**
   * Rejects the hedge count {@code value} set at {@code subject} unless the meaning is confirmed or
   * the count is valid.
   */
  void check(String subject, int value) {
    if (!confirmed) {
      throw unconfirmed(subject, value, List.of());
    }
    if (value < NO_HEDGING) {
      throw ConfigChecks.outOfRange(
          subject,
          value,
          new IllegalArgumentException(
              "maxHedges must be >= 1 but was " + value + "; 1 turns hedging off"));
    }
  }

  /**
   * Rejects every hedge count set in {@code properties} at once, unless the meaning is confirmed.
   */
  void checkAll(BackonProperties properties) {
    if (confirmed) {
      return;
    }
    List<String> places = new ArrayList<>();
    List<Integer> values = new ArrayList<>();
    collect("backon.defaults", properties.getDefaults(), places, values);
    for (Map.Entry<String, PolicyProperties> policy : properties.getPolicies().entrySet()) {
      collect("backon.policies." + policy.getKey(), policy.getValue(), places, values);
    }
    if (!places.isEmpty()) {
      List<String> others = new ArrayList<>();
      for (int i = 1; i < places.size(); i++) {
        others.add(
            places.get(i) + " (" + values.get(i) + ", write " + oldMeaning(values.get(i)) + ")");
      }
      throw unconfirmed(places.get(0), values.get(0), others);
    }
  }

  private static void collect(
      String section, PolicyProperties policy, List<String> places, List<Integer> values) {
    Integer value = policy.getHedging().getMaxHedges();
    if (value != null) {
      places.add(section + ".hedging.max-hedges");
      values.add(value);
    }
  }

  /** The count that runs as many copies as {@code value} did under the old meaning. */
  private static String oldMeaning(int value) {
    return value <= 0
        ? "1"
        : value == Integer.MAX_VALUE ? String.valueOf(value) : String.valueOf(value + 1);
  }

  private static BackonConfigurationException unconfirmed(
      String subject, int value, List<String> others) {
    String before =
        value <= 0 ? "turned hedging off" : "allowed " + oldMeaning(value) + " copies in flight";
    String now =
        value <= 0
            ? "is not allowed (1 turns hedging off)"
            : value == NO_HEDGING ? "turns hedging off" : "allows " + value + " copies in flight";
    String problem =
        "hedge counts now include the first copy, as HedgingPolicy.maxHedges does "
            + "(1 = no hedging, 2 = the first copy and one hedge); they used to count only the extra copies. "
            + "The value "
            + value
            + " "
            + before
            + " and now "
            + now
            + "."
            + (others.isEmpty() ? "" : " Also set: " + String.join(", ", others) + ".");
    String fix =
        "to keep the old behaviour write "
            + oldMeaning(value)
            + " at "
            + subject
            + (others.isEmpty() ? "" : " and at the places listed")
            + " (or keep a value that means what you want now), then set "
            + CONFIRMATION
            + "=true to confirm that every hedge count includes the first copy.";
    return new BackonConfigurationException(
        ConfigErrorCode.HEDGE_COUNT_CHANGED, subject, problem, fix);
  }
}
