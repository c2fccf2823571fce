package io.backon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A log line names the host of a URL, never its path, query string or credentials. */
class UrlRedactionTest {

  @Test
  void aUrlKeepsItsSchemeHostAndPortOnly() {
    assertThat(
            UrlRedaction.originsOnly(
                "I/O error on GET request for \"http://127.0.0.1:8081/data?token=secret\":"
                    + " Connection reset"))
        .isEqualTo("I/O error on GET request for \"http://127.0.0.1:8081/...\": Connection reset");
  }

  @Test
  void credentialsBeforeTheHostAreRemoved() {
    assertThat(UrlRedaction.originsOnly("to https://alice:pa55@payments.example.com/charge"))
        .isEqualTo("to https://payments.example.com/...");
  }

  @Test
  void aQueryOrFragmentWithoutAPathIsRemovedToo() {
    assertThat(UrlRedaction.originsOnly("http://h?q=1 and ftp://h#frag"))
        .isEqualTo("http://h/... and ftp://h/...");
  }

  @Test
  void aBareOriginIsKeptAsItIs() {
    assertThat(UrlRedaction.originsOnly("connect to http://db:5432 timed out"))
        .isEqualTo("connect to http://db:5432 timed out");
  }

  @Test
  void everyUrlOfATextIsCut() {
    assertThat(
            UrlRedaction.originsOnly(
                "redirect from (http://a.example/x?id=1) to [https://b.example/y/z]"))
        .isEqualTo("redirect from (http://a.example/...) to [https://b.example/...]");
  }

  @Test
  void aTextWithoutASchemeIsReturnedUnchanged() {
    String text = "timeout after 2s: no route to host";

    assertThat(UrlRedaction.originsOnly(text)).isSameAs(text);
  }

  @Test
  void aSeparatorWithoutASchemeIsNoUrl() {
    assertThat(UrlRedaction.originsOnly("odd ://path?x and 1://y/z"))
        .isEqualTo("odd ://path?x and 1://y/z");
  }

  @Test
  void aFailureInTheLogNamesTheHostOfItsUrlOnly() {
    IOException failure =
        new IOException(
            "I/O error on POST request for \"https://api.example.com/v1/users/42?email=a@b.c\"");

    assertThat(FailureText.of(failure))
        .isEqualTo(
            "java.io.IOException: I/O error on POST request for \"https://api.example.com/...\"")
        .doesNotContain("users", "email");
  }

  @Test
  void aLongUrlIsCutBeforeTheLengthLimitApplies() {
    IOException failure =
        new IOException("GET http://h.example/" + "p".repeat(500) + "?x=1 failed");

    assertThat(FailureText.of(failure))
        .isEqualTo("java.io.IOException: GET http://h.example/... failed");
  }
}
