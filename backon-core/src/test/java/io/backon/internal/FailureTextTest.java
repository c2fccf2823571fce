package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A failure in a log line is its class and at most a short first line of its message, cut before
 * anything that reads like a response body: never a body.
 */
class FailureTextTest {

  @Test
  void aShortMessageIsKeptWhole() {
    assertThat(FailureText.of(new IOException("connection reset")))
        .isEqualTo("java.io.IOException: connection reset");
  }

  @Test
  void withoutAMessageOnlyTheClassIsNamed() {
    assertThat(FailureText.of(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(FailureText.of(new IOException(""))).isEqualTo("java.io.IOException");
  }

  @Test
  void onlyTheFirstLineOfAMultiLineMessageIsKept() {
    IOException failure =
        new IOException("500 Internal Server Error\n{\"error\":\"secret\",\n\"trace\":\"...\"}");

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
    assertThat(FailureText.of(new IOException("timeout\n  \n")))
        .isEqualTo("java.io.IOException: timeout");
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

    assertThat(FailureText.of(new IOException(message)))
        .isEqualTo("java.io.IOException: " + message);
  }

  @Test
  void whatFollowsAnHttpStatusLineIsABodyAndLeftOut() {
    // the message of Spring's HttpServerErrorException (RestClient, RestTemplate)
    IOException failure =
        new IOException(
            "503 Service Unavailable: \"{\"requestId\":\"r-1\",\"card\":\"4111 1111\"}\"");

    assertThat(FailureText.of(failure))
        .isEqualTo("java.io.IOException: 503 Service Unavailable [...]");
  }

  @Test
  void aStatusLineNamingTheRequestKeepsTheOriginOfItsUrl() {
    // the message of Spring's WebClientResponseException (WebClient): no body, the request's URL
    IOException failure =
        new IOException(
            "503 Service Unavailable from GET http://127.0.0.1:8081/accounts/42?token=s3cr3t");

    assertThat(FailureText.of(failure))
        .isEqualTo(
            "java.io.IOException: 503 Service Unavailable from GET http://127.0.0.1:8081/...");
  }

  @Test
  void aPlainTextBodyAfterAStatusLineIsLeftOutToo() {
    assertThat(FailureText.of(new IOException("500 Internal Server Error: \"card 4111 declined\"")))
        .isEqualTo("java.io.IOException: 500 Internal Server Error [...]");
    assertThat(FailureText.of(new IOException("418 I'm a teapot: short and stout")))
        .isEqualTo("java.io.IOException: 418 I'm a teapot [...]");
  }

  @Test
  void aJsonObjectInTheMessageIsLeftOut() {
    assertThat(FailureText.of(new IOException("upstream answered {\"token\":\"s3cr3t\"}")))
        .isEqualTo("java.io.IOException: upstream answered [...]");
    assertThat(FailureText.of(new IOException("payload=[ {\"id\":1} ]")))
        .isEqualTo("java.io.IOException: payload [...]");
  }

  @Test
  void markupInTheMessageIsLeftOut() {
    assertThat(FailureText.of(new IOException("bad gateway: <!DOCTYPE html><html>secret</html>")))
        .isEqualTo("java.io.IOException: bad gateway [...]");
    assertThat(FailureText.of(new IOException("<?xml version=\"1.0\"?><fault/>")))
        .isEqualTo("java.io.IOException: [...]");
  }

  @Test
  void textThatOnlyLooksLikeABodyIsKept() {
    assertThat(FailureText.of(new IllegalArgumentException("delay must be <= 1s but was {2s}")))
        .isEqualTo("java.lang.IllegalArgumentException: delay must be <= 1s but was {2s}");
    assertThat(FailureText.of(new ClassCastException("not a List<String>: [a, b]")))
        .isEqualTo("java.lang.ClassCastException: not a List<String>: [a, b]");
    assertThat(FailureText.of(new IOException("503 Service Unavailable")))
        .isEqualTo("java.io.IOException: 503 Service Unavailable");
    assertThat(
            FailureText.of(
                new IOException(
                    "I/O error on GET request for \"http://h\": " + "Connection reset")))
        .isEqualTo(
            "java.io.IOException: I/O error on GET request for "
                + "\"http://h\": Connection reset");
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
        .isEqualTo(
            "java.io.IOException: " + "a".repeat(FailureText.MAX_MESSAGE_CHARS - 1) + " [...]");
  }

  @Test
  void aMessageThatThrowsIsLeftOut() {
    IOException failure =
        new IOException("unused") {
          @Override
          public String getMessage() {
            throw new IllegalStateException("broken getMessage");
          }
        };

    assertThat(FailureText.of(failure)).isEqualTo(failure.getClass().getName());
  }
}
