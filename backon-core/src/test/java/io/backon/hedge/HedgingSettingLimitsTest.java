package io.backon.hedge;

import static io.backon.testfixtures.DurationLimits.JUST_TOO_LONG;
import static io.backon.testfixtures.DurationLimits.LONGEST;
import static io.backon.testfixtures.DurationLimits.THREE_CENTURIES;
import static io.backon.testfixtures.DurationLimits.tooLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hedging counts, windows and delays have upper bounds: a huge copy count or percentile window is
 * rejected before it can launch or allocate anything, a delay beyond {@code Long.MAX_VALUE}
 * nanoseconds before it can overflow.
 */
class HedgingSettingLimitsTest {

  @Test
  void moreThanAHundredCopiesPerCallAreRejected() {
    assertThatThrownBy(() -> HedgingPolicy.builder().maxHedges(HedgingPolicy.MAX_HEDGES_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxHedges must be <= 100 but was 101");
    assertThatThrownBy(() -> HedgingPolicy.builder().maxHedges(Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxHedges must be <= 100 but was 2147483647");
  }

  @Test
  void aHundredCopiesAreAccepted() {
    assertThat(HedgingPolicy.builder().maxHedges(100).build().maxHedges()).isEqualTo(100);
  }

  @Test
  void aHedgeDelayLongerThan292YearsIsRejectedByBothSetters() {
    assertThatThrownBy(() -> HedgingPolicy.builder().hedgeDelay(THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("hedgeDelay", THREE_CENTURIES));
    assertThatThrownBy(() -> HedgeDelay.fixed(JUST_TOO_LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("hedgeDelay", JUST_TOO_LONG));
  }

  @Test
  void theLongestHedgeDelayIsHeldInNanoseconds() {
    assertThat(HedgeDelay.fixed(LONGEST).delayNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aPercentileWindowOfIntegerMaxValueIsRejectedInsteadOfAllocatingGigabytes() {
    assertThatThrownBy(() -> HedgeDelay.percentile(95, Integer.MAX_VALUE, 16, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be <= 10000 but was 2147483647");
    assertThatThrownBy(() -> HedgeDelay.percentile(95, HedgeDelay.MAX_WINDOW + 1, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be <= 10000 but was 10001");
  }

  @Test
  void theLargestPercentileWindowLearnsFromItsSamples() {
    HedgeDelay delay = HedgeDelay.percentile(50, HedgeDelay.MAX_WINDOW, 1, Duration.ZERO);

    delay.recordLatency(7);

    assertThat(delay.delayNanos()).isEqualTo(7);
  }

  @Test
  void aPercentileFallbackLongerThan292YearsIsRejected() {
    assertThatThrownBy(() -> HedgeDelay.percentile(95, THREE_CENTURIES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(tooLong("fallback", THREE_CENTURIES));
  }
}
