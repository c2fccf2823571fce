package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A failure in a log line is its class and at most a short first line of its message: never a
 * response body.
 */
class FailureTextTest {

  @Test
  void aShortMessageIsKeptWhole() {
    assertThat(FailureText.of(new IOException("connection reset")))
        .isEqualTo("java.io.IOException: connection reset");
  }

  @Test
  void withoutAMessageOnlyTheClassIsNamed() {
    assertThat(FailureText.of(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    assertThat(FailureText.of(new IOException(""))).isEqualTo("java.io.IOException");
  }

  @Test
  void onlyTheFirstLineOfAMultiLineMessageIsKept() {
    IOException failure = new IOException("500 Internal Server Error\n{\"error\":\"secret\",\n\"trace\":\"...\"}");

    assertThat(FailureText.of(failure))
        .isEqualTo("java.io.IOException: 500 Internal Server Error [...]")
        .doesNotContain("secret");
  }

  @Test
  void aCarriageReturnEndsTheFirstLineToo() {
    assertThat(FailureText.of(new IOException("bad gateway\r\n<html>body</html>")))
        .isEqualTo("java.io.IOException: bad gateway [...]");
  }

  @Test
  void trailingBlankLinesAreNotACut() {
    assertThat(FailureText.of(new IOException("timeout\n  \n"))).isEqualTo("java.io.IOException: timeout");
  }

  @Test
  void aLongFirstLineIsCutAt120Characters() {
    String body = "x".repeat(5_000_000);

    String text = FailureText.of(new IOException("503 " + body));

    assertThat(text).isEqualTo("java.io.IOException: 503 " + "x".repeat(116) + " [...]");
  }

  @Test
  void aMessageOfExactly120CharactersIsNotCut() {
    String message = "y".repeat(FailureText.MAX_MESSAGE_CHARS);

    assertThat(FailureText.of(new IOException(message))).isEqualTo("java.io.IOException: " + message);
  }

  @Test
  void controlCharactersBecomeSpaces() {
    assertThat(FailureText.of(new IOException("bad\tinput\u001b[31m red")))
        .isEqualTo("java.io.IOException: bad input [31m red");
  }

  @Test
  void aSurrogatePairIsNeverSplitByTheCut() {
    String message = "a".repeat(FailureText.MAX_MESSAGE_CHARS - 1) + "\uD83D\uDE00tail";

    assertThat(FailureText.of(new IOException(message)))
        .isEqualTo("java.io.IOException: " + "a".repeat(FailureText.MAX_MESSAGE_CHARS - 1) + " [...]");
  }

  @Test
  void aMessageThatThrowsIsLeftOut() {
    IOException failure = new IOException("unused") {
      @Override
      public String getMessage() {
        throw new IllegalStateException("broken getMessage");
      }
    };

    assertThat(FailureText.of(failure)).isEqualTo(failure.getClass().getName());
  }
}
