package io.backon.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations Backon makes: one {@link #CALL} per retried call, with one {@link #ATTEMPT}
 * child per attempt. With a tracing bridge each becomes a span, so a trace shows every attempt
 * under its call. Their names differ from the meter names in {@link BackonMeterNames}, so an
 * observation handler that makes timers from observations never collides with them. They carry no
 * events, so such a handler makes no counters from them either.
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
   * running the attempt's code. Name {@code backon.attempt}. A hedged attempt also carries {@link
   * HighCardinalityKeys#HEDGE}.
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
      return new KeyName[] {
        HighCardinalityKeys.TARGET, HighCardinalityKeys.ATTEMPT, HighCardinalityKeys.HEDGE
      };
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

  /**
   * High-cardinality keys in Micrometer's terms: they go on spans only, never on meter tags (which
   * is why the bounded {@link #HEDGE} is one).
   */
  public enum HighCardinalityKeys implements KeyName {
    /** What is called: the invocation's target name or the target's class name. */
    TARGET("backon.target"),
    /** The 1-based number of an attempt. */
    ATTEMPT("backon.attempt"),
    /** How many attempts a call made. */
    ATTEMPTS("backon.attempts"),
    /**
     * How the race of a hedged attempt's copies ended: a {@code HedgeOutcome} in lowercase ({@code
     * primary_won}, {@code hedge_won}, {@code all_failed}, {@code cancelled}); absent when the
     * attempt was not hedged.
     */
    HEDGE("backon.hedge");

    private final String key;

    HighCardinalityKeys(String key) {
      this.key = key;
    }

    @Override
    public String asString() {
      return key;
    }
  }
}
