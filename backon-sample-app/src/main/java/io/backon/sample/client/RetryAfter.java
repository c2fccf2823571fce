package io.backon.sample.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header value (RFC 9110, section 10.2.3): either whole seconds
 * ({@code 3}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}). Stateless.
 */
public final class RetryAfter {

  private RetryAfter() {}

  /**
   * How long the server asks to wait.
   *
   * @param value the header value
   * @param now the current time, for the date form (a date in the past means: no wait)
   * @return the wait, never negative; empty when the value is neither form
   */
  public static Optional<Duration> parse(String value, Instant now) {
    String text = value.trim();
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
      } catch (NumberFormatException tooLong) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
