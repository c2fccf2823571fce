package io.backon.internal;

import org.jspecify.annotations.Nullable;

/**
 * A failure as one short piece of a log line: its class name and at most the first line of its
 * message, cut to {@value #MAX_MESSAGE_CHARS} characters, so that a response body carried in an
 * exception message never reaches the log. Control characters become spaces. A message that throws
 * is left out. Not API; stateless and thread-safe.
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

  /** The first line of {@code message}, cut to the limit, control characters blanked. */
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
    if (end > MAX_MESSAGE_CHARS) {
      end = MAX_MESSAGE_CHARS;
      if (Character.isHighSurrogate(message.charAt(end - 1))) {
        end--;
      }
      cut = true;
    }
    StringBuilder line = new StringBuilder(end + CUT.length());
    for (int i = 0; i < end; i++) {
      char c = message.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    String text = line.toString().strip();
    return cut ? text + CUT : text;
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
