package io.backon.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Durations in log lines read like {@code 9.8s}, {@code 22ms}, {@code 350µs}. */
class DurationTextTest {

  @ParameterizedTest(name = "{0} ns reads {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "999, 999ns",
    "1000, 1µs",
    "1500, 1.5µs",
    "350000, 350µs",
    "999499, 999µs",
    "999500, 1ms",
    "22000000, 22ms",
    "22400000, 22ms",
    "1250000, 1.3ms",
    "9940000, 9.9ms",
    "9950000, 10ms",
    "999600000, 1s",
    "1500000000, 1.5s",
    "9833601769, 9.8s",
    "9960000000, 10s",
    "45000000000, 45s",
    "59400000000, 59s",
    "59600000000, 1m",
    "60000000000, 1m",
    "125000000000, 2m5s",
    "3600000000000, 1h",
    "5400000000000, 1h30m",
    "5459000000000, 1h30m",
    "97200000000000, 1d3h",
    "9223372036854775807, 106751d23h",
    "-1500000000, -1.5s",
    "-9223372036854775808, -106751d23h"
  })
  void readsLikeAnOperatorWouldWriteIt(long nanos, String text) {
    assertThat(DurationText.of(nanos)).isEqualTo(text);
  }

  @Test
  void aDurationReadsLikeItsNanoseconds() {
    assertThat(DurationText.of(Duration.ofMillis(9_833))).isEqualTo("9.8s");
    assertThat(DurationText.of(Duration.ofSeconds(41))).isEqualTo("41s");
  }

  @Test
  void aDurationBeyondTheNanosecondRangeIsCapped() {
    assertThat(DurationText.of(Duration.ofDays(1_000_000))).isEqualTo("106751d23h");
    assertThat(DurationText.of(Duration.ofDays(-1_000_000))).isEqualTo("-106751d23h");
  }

  @Test
  void neverPrintsTheIsoForm() {
    assertThat(DurationText.of(Duration.parse("PT9.833601769S")))
        .isEqualTo("9.8s")
        .doesNotContain("PT");
  }

  @Test
  void exactlyOneDayReadsAsADay() {
    assertThat(DurationText.of(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(DurationText.of(Duration.ofHours(1))).isEqualTo("1h");
  }

  @Test
  void halfASecondPastAMinuteRoundsUp() {
    assertThat(DurationText.of(Duration.ofMillis(60_500))).isEqualTo("1m1s");
    assertThat(DurationText.of(Duration.ofMillis(60_499))).isEqualTo("1m");
  }
}
