package io.backon.sample.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @Test
  void readsWholeSeconds() {
    assertThat(RetryAfter.parse(" 3 ", NOW)).hasValue(Duration.ofSeconds(3));
    assertThat(RetryAfter.parse("0", NOW)).hasValue(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateAsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:30 GMT", NOW))
        .hasValue(Duration.ofSeconds(30));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).hasValue(Duration.ZERO);
  }

  @Test
  void ignoresWhatIsNeitherSecondsNorADate() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isEmpty();
  }
}
