package io.backon.internal;

import org.jspecify.annotations.Nullable;

/**
 * A failure as one short piece of a log line: its class name and at most the first line of its
 * message, cut before anything that reads like a response body and to {@value #MAX_MESSAGE_CHARS}
 * characters, so that a body carried in an exception message never reaches the log. A body starts
 * after an HTTP status line ({@code 503 Service Unavailable: "{...}"}, the message of Spring's
 * {@code RestClientResponseException}s) and at a JSON object or array of objects ({@code {"},
 * {@code [{}) or a markup tag ({@code <html}, {@code <?xml}, {@code <!DOCTYPE}). A URL keeps only
 * its origin ({@link UrlRedaction}): no path, query string or credentials. Control characters
 * become spaces. A message that throws is left out. Not API; stateless and thread-safe.
 */
final class FailureText {

  /** The longest message part kept, in characters, before {@value #CUT} is appended. */
  static final int MAX_MESSAGE_CHARS = 120;

  /** Appended where the message was cut (longer than the limit, or more than one line). */
  static final String CUT = " [...]";

  private FailureText() {}

  /** {@code java.io.IOException: connection reset}, or the class name alone without a message. */
  static String of(Throwable failure) {
    String type = failure.getClass().getName();
    String message = firstLine(messageOf(failure));
    return message == null || message.isEmpty() ? type : type + ": " + message;
  }

  private static @Nullable String messageOf(Throwable failure) {
    try {
      return failure.getMessage();
    } catch (RuntimeException broken) {
      return null;
    }
  }

  /**
   * The first line of {@code message} up to any body, URLs cut to their origin, cut to the limit,
   * control characters blanked; {@value #CUT} marks a cut.
   */
  static @Nullable String firstLine(@Nullable String message) {
    if (message == null) {
      return null;
    }
    int end = message.length();
    boolean cut = false;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r') {
        end = i;
        cut = !blankFrom(message, i);
        break;
      }
    }
    int body = bodyStart(message, end);
    if (body < end) {
      end = body;
      cut = true;
    }
    String kept = UrlRedaction.originsOnly(message.substring(0, end));
    end = kept.length();
    if (end > MAX_MESSAGE_CHARS) {
      end = MAX_MESSAGE_CHARS;
      if (Character.isHighSurrogate(kept.charAt(end - 1))) {
        end--;
      }
      cut = true;
    }
    StringBuilder line = new StringBuilder(end + CUT.length());
    for (int i = 0; i < end; i++) {
      char c = kept.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    String text = cut ? stripEnd(line.toString()) : line.toString().strip();
    if (!cut) {
      return text;
    }
    return text.isEmpty() ? CUT.strip() : text + CUT;
  }

  /**
   * Where a response body starts in the first {@code end} characters of {@code message}, or {@code
   * end} when none does: after an HTTP status line followed by a colon, or at a JSON object, an
   * array of objects or a markup tag (a {@code <} that does not follow a name, so {@code
   * List<String>} is no tag).
   */
  static int bodyStart(String message, int end) {
    int afterStatus = afterStatusLine(message, end);
    if (afterStatus >= 0) {
      return afterStatus;
    }
    for (int i = 0; i < end - 1; i++) {
      char c = message.charAt(i);
      if ((c == '{' && opensJsonObject(message, i + 1, end))
          || (c == '[' && nextNonBlankIs(message, i + 1, end, '{'))
          || (c == '<'
              && opensTag(message.charAt(i + 1))
              && (i == 0 || !Character.isJavaIdentifierPart(message.charAt(i - 1))))) {
        return i;
      }
    }
    return end;
  }

  /**
   * The index after {@code "<status> <reason>:"} when {@code message} starts with an HTTP status
   * line (three digits 100 to 599, a space, a reason phrase of letters, spaces, hyphens and
   * apostrophes) followed by a colon; otherwise -1. The colon of a URL's scheme is no such colon:
   * {@code 503 Service Unavailable from GET http://host/path} (the message of Spring's {@code
   * WebClientResponseException}) carries no body.
   */
  private static int afterStatusLine(String message, int end) {
    if (end < 5
        || message.charAt(0) < '1'
        || message.charAt(0) > '5'
        || !Character.isDigit(message.charAt(1))
        || !Character.isDigit(message.charAt(2))
        || message.charAt(3) != ' ') {
      return -1;
    }
    for (int i = 4; i < end; i++) {
      char c = message.charAt(i);
      if (c == ':') {
        return i > 4 && !message.startsWith("//", i + 1) ? i + 1 : -1;
      }
      if (!(Character.isLetter(c) || c == ' ' || c == '-' || c == '\'')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean opensJsonObject(String text, int from, int end) {
    return nextNonBlankIs(text, from, end, '"') || nextNonBlankIs(text, from, end, '}');
  }

  private static boolean nextNonBlankIs(String text, int from, int end, char expected) {
    for (int i = from; i < end; i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == expected;
      }
    }
    return false;
  }

  private static boolean opensTag(char next) {
    return (next >= 'a' && next <= 'z')
        || (next >= 'A' && next <= 'Z')
        || next == '!'
        || next == '?';
  }

  /** {@code text} without the blanks, colons and quotes a cut leaves at its end. */
  private static String stripEnd(String text) {
    int end = text.length();
    while (end > 0) {
      char c = text.charAt(end - 1);
      if (!(Character.isWhitespace(c) || c == ':' || c == '"' || c == '\'' || c == '=')) {
        break;
      }
      end--;
    }
    return text.substring(0, end).strip();
  }

  private static boolean blankFrom(String text, int start) {
    for (int i = start; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
