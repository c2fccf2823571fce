package io.backon.http;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header value (RFC 9110, section 10.2.3): a number of seconds
 * ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}; the obsolete RFC 850 and
 * asctime forms are accepted too, as RFC 9110 asks of recipients). Stateless and thread-safe.
 *
 * <pre>{@code
 * Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(""),
 *     Instant.now()).orElse(null);
 * }</pre>
 */
public final class RetryAfter {

  /** RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}; two-digit years are 19xx/20xx around 1970. */
  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);

  /** ANSI C asctime: {@code Sun Nov 6 08:49:37 1994} (day padded with a space). */
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

  private RetryAfter() {}

  /**
   * How long the server asks the client to wait.
   *
   * @param value the header value; surrounding white space is ignored
   * @param now the current wall-clock time, which a date is compared with
   * @return the wait, never negative (a date in the past means no wait; a number of seconds too
   *     large for a {@link Duration} is cut to the longest one); empty when the value is neither a
   *     number of seconds nor an HTTP date
   */
  public static Optional<Duration> parse(String value, Instant now) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(now, "now");
    String text = value.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(seconds(text));
    }
    Instant at = date(text);
    if (at == null) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, at);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private static Duration seconds(String digits) {
    try {
      return Duration.ofSeconds(Long.parseLong(digits));
    } catch (NumberFormatException tooLong) {
      return Duration.ofSeconds(Long.MAX_VALUE);
    }
  }

  private static @Nullable Instant date(String text) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException notImfFixdate) {
      // try the obsolete forms
    }
    for (DateTimeFormatter obsolete : new DateTimeFormatter[] {RFC_850, ASCTIME}) {
      try {
        return LocalDateTime.parse(text, obsolete).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notThisForm) {
        // try the next form
      }
    }
    return null;
  }
}
