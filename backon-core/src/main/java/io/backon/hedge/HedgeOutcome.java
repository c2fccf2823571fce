package io.backon.hedge;

import java.util.Locale;

/** How one hedged call (a race of copies) ended. */
public enum HedgeOutcome {

  /** The primary (copy 1) succeeded first. */
  PRIMARY_WON,
  /** A hedge (copy 2 or later) succeeded first. */
  HEDGE_WON,
  /** Every launched copy failed. */
  ALL_FAILED,
  /** The race was cancelled before any copy won (caller cancelled or interrupted, deadline). */
  CANCELLED;

  private final String tagValue = name().toLowerCase(Locale.ROOT);

  /** The lowercase name used as tag value, e.g. {@code hedge_won}. */
  public String tagValue() {
    return tagValue;
  }

  /** {@link #PRIMARY_WON} for copy 1, else {@link #HEDGE_WON}. */
  public static HedgeOutcome wonBy(int copyNumber) {
    return copyNumber == 1 ? PRIMARY_WON : HEDGE_WON;
  }
}
