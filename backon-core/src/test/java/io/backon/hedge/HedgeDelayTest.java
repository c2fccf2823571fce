package io.backon.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.Description;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HedgeDelayTest {

  private static final long MS = 1_000_000L;

  @Test
  void fixedDelayIgnoresLatencies() {
    HedgeDelay delay = HedgeDelay.fixed(Duration.ofMillis(40));
    delay.recordLatency(5 * MS);

    assertThat(delay.delayNanos()).isEqualTo(40 * MS);
    assertThat(delay)
        .isEqualTo(HedgeDelay.fixed(Duration.ofMillis(40)))
        .hasToString("fixed(PT0.04S)");
  }

  @Test
  void fixedDelaysOfDifferentDurationsAreDifferentValues() {
    HedgeDelay forty = HedgeDelay.fixed(Duration.ofMillis(40));

    assertThat(forty)
        .isNotEqualTo(HedgeDelay.fixed(Duration.ofMillis(50)))
        .isNotEqualTo(HedgeDelay.percentile(95))
        .hasSameHashCodeAs(HedgeDelay.fixed(Duration.ofMillis(40)))
        .doesNotHaveSameHashCodeAs(HedgeDelay.fixed(Duration.ofMillis(50)));
  }

  @Test
  void aFixedDelayDescribesItsDuration() {
    assertThat(HedgeDelay.fixed(Duration.ofMillis(40)).describe())
        .isEqualTo(Description.of("fixed").with("delay", Duration.ofMillis(40)));
  }

  @Test
  void aPercentileDelayDescribesItsSettingsAndTheDelayItUsesNow() {
    HedgeDelay delay = HedgeDelay.percentile(50, 4, 2, Duration.ofMillis(30));

    assertThat(delay.describe())
        .isEqualTo(
            Description.of("percentile")
                .with("percentile", 50.0)
                .with("window", 4)
                .with("minSamples", 2)
                .with("fallback", Duration.ofMillis(30))
                .with("currentDelay", Duration.ofMillis(30)));
    delay.recordLatency(10 * MS);
    delay.recordLatency(20 * MS);
    assertThat(delay.describe().parameters()).containsEntry("currentDelay", Duration.ofMillis(10));
  }

  @Test
  void percentileUsesTheFallbackUntilItHasEnoughSamples() {
    HedgeDelay delay = HedgeDelay.percentile(95);
    for (int i = 1; i < HedgeDelay.DEFAULT_MIN_SAMPLES; i++) {
      delay.recordLatency(i * MS);
      assertThat(delay.delayNanos()).isEqualTo(HedgeDelay.DEFAULT_FALLBACK.toNanos());
    }
    delay.recordLatency(16 * MS);

    assertThat(delay.delayNanos()).isEqualTo(16 * MS); // nearest rank: ceil(0.95 * 16) = 16th
  }

  @Test
  void percentileConvergesOnTheRecordedLatencies() {
    HedgeDelay delay = HedgeDelay.percentile(95);
    for (int i = 1; i <= 100; i++) {
      delay.recordLatency(i * MS); // 1..100 ms
    }

    assertThat(delay.delayNanos()).isEqualTo(95 * MS);
    assertThat(HedgeDelay.percentile(50, 100, 1, Duration.ZERO))
        .satisfies(
            median -> {
              for (int i = 1; i <= 100; i++) {
                median.recordLatency(i * MS);
              }
              assertThat(median.delayNanos()).isEqualTo(50 * MS);
            });
  }

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

  @Test
  void percentileRanksLatenciesRecordedOutOfOrder() {
    HedgeDelay median = HedgeDelay.percentile(50, 5, 1, Duration.ZERO);
    for (long ms : new long[] {90, 10, 70, 50, 30}) {
      median.recordLatency(ms * MS);
    }

    assertThat(median.delayNanos()).isEqualTo(50 * MS);
  }

  @Test
  void minSamplesMayEqualTheWindow() {
    HedgeDelay delay = HedgeDelay.percentile(100, 3, 3, Duration.ofMillis(100));
    delay.recordLatency(10 * MS);
    delay.recordLatency(20 * MS);
    assertThat(delay.delayNanos()).isEqualTo(100 * MS);

    delay.recordLatency(30 * MS);
    assertThat(delay.delayNanos()).isEqualTo(30 * MS);
  }

  @Test
  void percentileForgetsLatenciesOlderThanTheWindow() {
    PercentileHedgeDelay delay =
        (PercentileHedgeDelay) HedgeDelay.percentile(99, 128, 16, Duration.ofMillis(100));
    for (int i = 0; i < 1_000; i++) {
      delay.recordLatency(900 * MS); // an old slow period
    }
    for (int i = 0; i < 128; i++) {
      delay.recordLatency(20 * MS); // the service recovered
    }

    assertThat(delay.samples()).isEqualTo(128);
    assertThat(delay.delayNanos()).isEqualTo(20 * MS);
  }

  @Test
  void percentileFollowsAShiftInLatency() {
    HedgeDelay delay = HedgeDelay.percentile(95, 10, 5, Duration.ofMillis(100));
    for (int i = 0; i < 10; i++) {
      delay.recordLatency(10 * MS);
    }
    assertThat(delay.delayNanos()).isEqualTo(10 * MS);
    for (int i = 0; i < 10; i++) {
      delay.recordLatency(70 * MS);
    }

    assertThat(delay.delayNanos()).isEqualTo(70 * MS);
  }

  @Test
  void negativeLatenciesCountAsZero() {
    HedgeDelay delay = HedgeDelay.percentile(100, 4, 1, Duration.ofMillis(100));
    delay.recordLatency(-5);

    assertThat(delay.delayNanos()).isZero();
  }

  @Test
  void concurrentRecordingKeepsEverySample() throws Exception {
    PercentileHedgeDelay delay =
        (PercentileHedgeDelay) HedgeDelay.percentile(100, 256, 1, Duration.ZERO);
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 32; i++) {
                  delay.recordLatency(7 * MS);
                  delay.delayNanos();
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(delay.samples()).isEqualTo(256);
    assertThat(delay.delayNanos()).isEqualTo(7 * MS);
  }

  @Test
  void validatesPercentileParameters() {
    assertThatThrownBy(() -> HedgeDelay.percentile(0))
        .hasMessage("percentile must be > 0 and <= 100 but was 0.0");
    assertThatThrownBy(() -> HedgeDelay.percentile(100.5))
        .hasMessage("percentile must be > 0 and <= 100 but was 100.5");
    assertThatThrownBy(() -> HedgeDelay.percentile(Double.NaN))
        .hasMessage("percentile must be > 0 and <= 100 but was NaN");
    assertThatThrownBy(() -> HedgeDelay.percentile(95, 0, 1, Duration.ZERO))
        .hasMessage("window must be >= 1 but was 0");
    assertThatThrownBy(() -> HedgeDelay.percentile(95, 8, 9, Duration.ZERO))
        .hasMessage("minSamples must be >= 1 and <= window (8) but was 9");
    assertThatThrownBy(() -> HedgeDelay.percentile(95, Duration.ofMillis(-1)))
        .hasMessage("fallback must be >= 0 but was PT-0.001S");
  }

  @Test
  void describesItself() {
    assertThat(HedgeDelay.percentile(95))
        .hasToString("percentile(95.0, window=128, minSamples=16, fallback=PT0.1S)");
  }
}
