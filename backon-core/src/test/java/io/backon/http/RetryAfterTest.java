package io.backon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both forms of {@code Retry-After} (RFC 9110, section 10.2.3), and what is not one. */
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-10-21T07:28:00Z");

  @Test
  void readsWholeSeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsAnHttpDateAsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void readsTheObsoleteDateFormsRecipientsMustAccept() {
    assertThat(RetryAfter.parse("Wednesday, 21-Oct-26 07:29:00 GMT", NOW))
        .contains(Duration.ofMinutes(1));
    assertThat(RetryAfter.parse("Wed Oct 21 07:28:05 2026", NOW)).contains(Duration.ofSeconds(5));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void secondsTooLargeForADurationAreCutToTheLongestOne() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .contains(Duration.ofSeconds(Long.MAX_VALUE));
  }

  @Test
  void anythingElseIsNoRetryAfter() {
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
  }
}
