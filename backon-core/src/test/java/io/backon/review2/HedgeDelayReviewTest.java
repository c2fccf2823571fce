package io.backon.review2;

import static org.assertj.core.api.Assertions.assertThat;

import io.backon.hedge.HedgeDelay;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Review 2: nearest-rank percentile of {@link HedgeDelay#percentile}. */
class HedgeDelayReviewTest {

  /**
   * Nearest rank of p over n sorted samples 1..n is ceil(p*n/100). PercentileHedgeDelay computes
   * ceil(p/100.0*n) in floating point: 0.55*100 = 55.00000000000001, so the rank becomes 56.
   */
  @ParameterizedTest
  @CsvSource({"55, 100", "7, 100", "14, 50", "28, 75", "56, 100"})
  void nearestRankIsExactForWholePercentiles(double percentile, int samples) {
    HedgeDelay delay = HedgeDelay.percentile(percentile, samples, 1, Duration.ZERO);
    for (int ms = 1; ms <= samples; ms++) {
      delay.recordLatency(Duration.ofMillis(ms).toNanos());
    }
    long expectedRank = (long) Math.ceil(percentile * samples / 100.0);

    assertThat(Duration.ofNanos(delay.delayNanos())).isEqualTo(Duration.ofMillis(expectedRank));
  }
}
