package io.backon.micrometer;

import io.backon.hedge.HedgeOutcome;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations Backon makes: one {@link #CALL} per retried call, with one {@link #ATTEMPT}
 * child per attempt. With a tracing bridge each becomes a span, so a trace shows every attempt
 * under its call. Their names differ from the meter names in {@link BackonMeterNames}, so an
 * observation handler that makes timers from observations never collides with them.
 */
public enum BackonObservationDocumentation implements ObservationDocumentation {

  /** A retried call, from its start to its end (fallback included). Name {@code backon.call}. */
  CALL {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultBackonCallObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.TARGET, HighCardinalityKeys.ATTEMPTS};
    }
  },

  /**
   * One attempt of a call, a child of the call's observation; its scope is open on each thread
   * running the attempt's code. Name {@code backon.attempt}.
   */
  ATTEMPT {
    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>>
        getDefaultConvention() {
      return DefaultBackonAttemptObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
      return LowCardinalityKeys.values();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
      return new KeyName[] {HighCardinalityKeys.TARGET, HighCardinalityKeys.ATTEMPT};
    }

    @Override
    public Observation.Event[] getEvents() {
      return HedgeEvents.values();
    }
  };

  /** Low-cardinality keys of both observations (they also tag timers made from observations). */
  public enum LowCardinalityKeys implements KeyName {
    /** The policy's name. */
    POLICY("backon.policy"),
    /** The outcome: a {@code CallOutcome} or {@code AttemptOutcome} in lowercase. */
    OUTCOME("outcome"),
    /** The failure's simple class name, or {@code none}. */
    EXCEPTION("exception");

    private final String key;

    LowCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** High-cardinality keys: spans only, never meter tags. */
  public enum HighCardinalityKeys implements KeyName {
    /** What is called: the invocation's target name or the target's class name. */
    TARGET("backon.target"),
    /** The 1-based number of an attempt. */
    ATTEMPT("backon.attempt"),
    /** How many attempts a call made. */
    ATTEMPTS("backon.attempts");

    private final String key;

    HighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }

  /** Events of a hedged attempt: how its race of copies ended. */
  public enum HedgeEvents implements Observation.Event {
    /** The primary copy won. */
    PRIMARY_WON(HedgeOutcome.PRIMARY_WON),
    /** A hedge won. */
    HEDGE_WON(HedgeOutcome.HEDGE_WON),
    /** Every copy failed. */
    ALL_FAILED(HedgeOutcome.ALL_FAILED),
    /** The race was cancelled. */
    CANCELLED(HedgeOutcome.CANCELLED);

    private final HedgeOutcome outcome;
    private final String name;

    HedgeEvents(HedgeOutcome outcome) {
      this.outcome = outcome;
      this.name = "backon.hedge." + outcome.tagValue();
    }

    /** The event for {@code outcome}. */
    public static HedgeEvents of(HedgeOutcome outcome) {
      return values()[outcome.ordinal()];
    }

    /** The outcome this event reports. */
    public HedgeOutcome outcome() {
      return outcome;
    }

    @Override
    public String getName() {
      return name;
    }
  }
}
