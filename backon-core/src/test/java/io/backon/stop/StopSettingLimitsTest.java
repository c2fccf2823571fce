package io.backon.stop;

import static io.backon.testfixtures.DurationLimits.JUST_TOO_LONG;
import static io.backon.testfixtures.DurationLimits.THREE_CENTURIES;
import static io.backon.testfixtures.DurationLimits.tooLong;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The delays of the time-based stops must fit in a {@code long} of nanoseconds (~292 years). */
class StopSettingLimitsTest {

  @Test
  void anAfterDelayLongerThan292YearsIsRejectedNamingTheParameterAndTheValue() {
    assertThatThrownBy(() -> Stop.afterDelay(THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("delay", THREE_CENTURIES));
    assertThatThrownBy(() -> Stop.afterDelay(JUST_TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("delay", JUST_TOO_LONG));
  }

  @Test
  void aBeforeDelayLongerThan292YearsIsRejectedNamingTheParameterAndTheValue() {
    assertThatThrownBy(() -> Stop.beforeDelay(THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("delay", THREE_CENTURIES));
  }
}
