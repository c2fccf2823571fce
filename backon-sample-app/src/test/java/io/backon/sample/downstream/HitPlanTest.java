package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HitPlanTest {

  @Test
  void theSameSeedRequestIdAndHitNumberAlwaysGiveTheSameDecision() {
    DownstreamBehaviour behaviour =
        DownstreamBehaviour.builder()
            .failureRate(0.4)
            .resetRate(0.2)
            .longTailRate(0.3)
            .seed(42)
            .build();

    for (int hit = 1; hit <= 50; hit++) {
      assertThat(HitPlan.decide(behaviour, "order-7", hit))
          .isEqualTo(HitPlan.decide(behaviour, "order-7", hit));
    }
  }

  @Test
  void ratesAreMetOverManyHits() {
    DownstreamBehaviour behaviour =
        DownstreamBehaviour.builder()
            .failureRate(0.3)
            .resetRate(0.1)
            .longTailRate(0.2)
            .longTailLatency(Duration.ofMillis(500))
            .seed(1)
            .build();
    Map<HitOutcome, Integer> outcomes = new EnumMap<>(HitOutcome.class);
    int longTail = 0;

    for (int i = 0; i < 10_000; i++) {
      HitPlan plan = HitPlan.decide(behaviour, "id-" + i, 1);
      outcomes.merge(plan.outcome(), 1, Integer::sum);
      longTail += plan.latency().equals(Duration.ofMillis(500)) ? 1 : 0;
    }

    // A reset takes precedence over a failure: 10 % resets, 90 % x 30 % = 27 % failures.
    assertThat(outcomes.get(HitOutcome.RESET)).isBetween(900, 1100);
    assertThat(outcomes.get(HitOutcome.FAILURE_RATE)).isBetween(2500, 2900);
    assertThat(longTail).isBetween(1800, 2200);
  }

  @Test
  void changingOneRateDoesNotMoveTheDecisionsOfTheOthers() {
    DownstreamBehaviour failures = DownstreamBehaviour.builder().failureRate(0.5).seed(9).build();
    DownstreamBehaviour failuresAndLongTail = failures.toBuilder().longTailRate(0.5).build();

    for (int i = 0; i < 200; i++) {
      assertThat(HitPlan.decide(failuresAndLongTail, "id-" + i, 1).outcome())
          .isEqualTo(HitPlan.decide(failures, "id-" + i, 1).outcome());
    }
  }

  @Test
  void outageBeatsFailFirstWhichBeatsTheRates() {
    DownstreamBehaviour all =
        DownstreamBehaviour.builder().failFirst(1).resetRate(1.0).failureRate(1.0).build();

    assertThat(HitPlan.decide(all.toBuilder().outage(true).build(), "a", 1).outcome())
        .isEqualTo(HitOutcome.OUTAGE);
    assertThat(HitPlan.decide(all, "a", 1).outcome()).isEqualTo(HitOutcome.FAIL_FIRST);
    assertThat(HitPlan.decide(all, "a", 2).outcome()).isEqualTo(HitOutcome.RESET);
    assertThat(HitPlan.decide(all.toBuilder().resetRate(0).build(), "a", 2).outcome())
        .isEqualTo(HitOutcome.FAILURE_RATE);
  }

  @Test
  void failFirstDoesNotApplyToHitsWithoutARequestId() {
    DownstreamBehaviour behaviour = DownstreamBehaviour.builder().failFirst(5).build();

    assertThat(HitPlan.decide(behaviour, null, 1).outcome()).isEqualTo(HitOutcome.OK);
  }

  @Test
  void aLongTailHitWaitsTheLongLatencyInsteadOfTheBaseOne() {
    DownstreamBehaviour behaviour =
        DownstreamBehaviour.builder()
            .latency(Duration.ofMillis(10))
            .longTailRate(1.0)
            .longTailLatency(Duration.ofMillis(700))
            .build();

    assertThat(HitPlan.decide(behaviour, "a", 1).latency()).isEqualTo(Duration.ofMillis(700));
  }
}
