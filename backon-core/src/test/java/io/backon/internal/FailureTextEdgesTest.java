package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The edges of what counts as a response body in a failure's message. */
class FailureTextEdgesTest {

  private static String of(String message) {
    return FailureText.of(new IOException(message)).substring("java.io.IOException: ".length());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "101 Switching Protocols: upgrade token",
        "599 Custom-Status: hidden",
        "504 Gateway Time-out: hidden"
      })
  void statusLinesFrom1xxTo5xxWithHyphenatedReasonsEndBeforeTheirBody(String message) {
    assertThat(of(message)).endsWith(" [...]").doesNotContain("token", "hidden");
  }

  @ParameterizedTest
  @ValueSource(strings = {"503 :no reason phrase", "503 Bad/Gateway: not a reason phrase"})
  void aStatusWithoutAProperReasonPhraseIsNoStatusLine(String message) {
    assertThat(of(message)).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad gateway <html>secret</html> | bad gateway [...]",
        "x <a> | x [...]",
        "x <z> | x [...]",
        "x <A> | x [...]",
        "x <Z> | x [...]",
      })
  void aTagAfterABlankStartsABody(String message, String expected) {
    assertThat(of(message)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x <`>", "x <{>", "x <@>", "x <[>", "x <1>", "ends with <"})
  void aLessThanSignNotFollowedByATagNameIsText(String message) {
    assertThat(of(message)).isEqualTo(message);
  }

  @Test
  void anOpeningBracketFollowedOnlyByBlanksIsText() {
    assertThat(of("values [ ")).isEqualTo("values [");
  }

  @Test
  void noMessageStaysNoMessage() {
    assertThat(FailureText.firstLine(null)).isNull();
  }
}
