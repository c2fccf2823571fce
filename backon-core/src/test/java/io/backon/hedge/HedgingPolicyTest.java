package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.internal.Engine;
import io.backon.testing.FakeClock;
import io.backon.testing.ManualScheduler;
import io.backon.time.Clock;
import io.backon.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class HedgingPolicyTest {

  @Test
  void defaultsAreTwoCopiesAHundredMillisecondsApart() {
    HedgingPolicy policy = HedgingPolicy.defaults();

    assertThat(policy.maxHedges()).isEqualTo(HedgingPolicy.DEFAULT_MAX_HEDGES).isEqualTo(2);
    assertThat(policy.hedgeDelay().delayNanos())
        .isEqualTo(HedgingPolicy.DEFAULT_HEDGE_DELAY.toNanos())
        .isEqualTo(Duration.ofMillis(100).toNanos());
    assertThat(policy.executor()).isSameAs(Engine.defaultExecutor());
    assertThat(policy.scheduler()).isSameAs(Scheduler.shared());
    assertThat(policy.clock()).isSameAs(Clock.system());
    assertThat(policy.onHedge()).isNull();
    assertThat(policy).hasToString("HedgingPolicy{maxHedges=2, hedgeDelay=fixed(PT0.1S)}");
  }

  @Test
  void rejectsFewerThanOneCopy() {
    assertThatThrownBy(() -> HedgingPolicy.builder().maxHedges(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxHedges must be >= 1 but was 0");
  }

  @Test
  void rejectsANegativeDelay() {
    assertThatThrownBy(() -> HedgingPolicy.builder().hedgeDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hedgeDelay must be >= 0 but was PT-1S");
    assertThatThrownBy(() -> HedgeDelay.fixed(Duration.ofMillis(-5)))
        .hasMessage("hedgeDelay must be >= 0 but was PT-0.005S");
  }

  @Test
  void rejectsNulls() {
    HedgingPolicyBuilder builder = HedgingPolicy.builder();
    assertThatThrownBy(() -> builder.hedgeDelay((Duration) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hedgeDelay");
    assertThatThrownBy(() -> builder.hedgeDelay((HedgeDelay) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("hedgeDelay");
    assertThatThrownBy(() -> builder.executor(null)).hasMessage("executor");
    assertThatThrownBy(() -> builder.scheduler(null)).hasMessage("scheduler");
    assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock");
    assertThatThrownBy(() -> builder.onHedge(null)).hasMessage("listener");
  }

  @Test
  void keepsEverySettingAndCopiesThemIntoANewBuilder() {
    FakeClock clock = new FakeClock();
    ManualScheduler scheduler = new ManualScheduler(clock);
    Executor direct = Runnable::run;
    HedgeListener listener = number -> {};
    HedgeDelay percentile = HedgeDelay.percentile(95);

    HedgingPolicy policy =
        HedgingPolicy.builder()
            .maxHedges(3)
            .hedgeDelay(percentile)
            .executor(direct)
            .scheduler(scheduler)
            .clock(clock)
            .onHedge(listener)
            .build();
    HedgingPolicy copy = policy.toBuilder().maxHedges(4).build();

    assertThat(policy.maxHedges()).isEqualTo(3);
    assertThat(copy.maxHedges()).isEqualTo(4);
    for (HedgingPolicy each : new HedgingPolicy[] {policy, copy}) {
      assertThat(each.hedgeDelay()).isSameAs(percentile);
      assertThat(each.executor()).isSameAs(direct);
      assertThat(each.scheduler()).isSameAs(scheduler);
      assertThat(each.clock()).isSameAs(clock);
      assertThat(each.onHedge()).isSameAs(listener);
    }
  }

  @Test
  void aZeroDelayIsAllowed() {
    assertThat(HedgingPolicy.builder().hedgeDelay(Duration.ZERO).build().hedgeDelay().delayNanos())
        .isZero();
  }
}
