package io.backon.internal;

/**
 * Keeps only the origin of each URL in a log text: {@code scheme://host[:port]}, with {@value
 * #REST} in place of any path, query or fragment and without any {@code user:password@}. HTTP
 * clients put the full request URL in their exception messages (Spring's {@code
 * ResourceAccessException}: {@code I/O error on GET request for "http://host/path?token=..."}); a
 * log line must name the host, never the path or query string, which may carry identifiers or
 * secrets. A URL is a scheme of letters, digits, {@code +}, {@code -} or {@code .}, starting with a
 * letter, followed by {@code ://}; it ends at a blank, a quote, {@code >}, {@code )} or {@code ]}.
 * Not API; stateless and thread-safe.
 */
final class UrlRedaction {

  /** What stands for a removed path, query or fragment. */
  static final String REST = "/...";

  private UrlRedaction() {}

  /** {@code text} with every URL cut to its origin; {@code text} itself when it has no URL. */
  static String originsOnly(String text) {
    int separator = text.indexOf("://");
    if (separator < 0) {
      return text;
    }
    StringBuilder redacted = new StringBuilder(text.length());
    int copied = 0;
    while (separator >= 0) {
      int schemeStart = schemeStart(text, separator);
      if (schemeStart < 0) {
        separator = text.indexOf("://", separator + 3);
        continue;
      }
      int authorityStart = separator + 3;
      int urlEnd = urlEnd(text, authorityStart);
      int authorityEnd = authorityEnd(text, authorityStart, urlEnd);
      int hostStart = text.lastIndexOf('@', authorityEnd - 1) + 1;
      redacted.append(text, copied, authorityStart);
      redacted.append(text, Math.max(hostStart, authorityStart), authorityEnd);
      if (authorityEnd < urlEnd) {
        redacted.append(REST);
      }
      copied = urlEnd;
      separator = text.indexOf("://", urlEnd);
    }
    return redacted.append(text, copied, text.length()).toString();
  }

  /** Where the scheme before {@code ://} at {@code separator} starts, or -1 if there is none. */
  private static int schemeStart(String text, int separator) {
    int start = separator;
    while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
      start--;
    }
    while (start < separator && !Character.isLetter(text.charAt(start))) {
      start++;
    }
    return start < separator ? start : -1;
  }

  private static boolean isSchemeChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '-'
        || c == '.';
  }

  private static int urlEnd(String text, int from) {
    int end = from;
    while (end < text.length() && !endsUrl(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean endsUrl(char c) {
    return Character.isWhitespace(c)
        || Character.isISOControl(c)
        || c == '"'
        || c == '\''
        || c == '>'
        || c == ')'
        || c == ']';
  }

  private static int authorityEnd(String text, int from, int urlEnd) {
    int end = from;
    while (end < urlEnd) {
      char c = text.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      end++;
    }
    return end;
  }
}
