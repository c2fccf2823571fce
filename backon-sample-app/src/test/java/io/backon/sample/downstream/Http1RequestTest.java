package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Parsing requests as they come off the wire. */
class Http1RequestTest {

  private final ByteArrayOutputStream interim = new ByteArrayOutputStream();

  @Test
  void readsRequestLineQueryAndHeaders() throws Exception {
    Http1Request request =
        read(
            "GET /data?item=a%20b&x=1&x=2 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nX-Request-Id: r-1\r\nAccept: a\r\naccept: b\r\n\r\n");

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/data");
    assertThat(request.query()).containsExactly(entry("item", "a b"), entry("x", "1"));
    assertThat(request.header("x-request-id")).isEqualTo("r-1");
    assertThat(request.header("Accept")).isEqualTo("a, b");
    assertThat(request.body()).isEmpty();
    assertThat(request.keepAlive()).isTrue();
  }

  @Test
  void readsABodyOfContentLengthBytes() throws Exception {
    Http1Request request = read("POST /control HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");

    assertThat(request.body()).isEqualTo("hello");
  }

  @Test
  void readsAChunkedBody() throws Exception {
    Http1Request request =
        read(
            "POST /control HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nTrailer: x\r\n\r\n");

    assertThat(request.body()).isEqualTo("{\"a\":1}");
  }

  @Test
  void answersExpectContinueBeforeReadingTheBody() throws Exception {
    read("POST /control HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}");

    assertThat(interim.toString(StandardCharsets.ISO_8859_1))
        .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
  }

  @Test
  void connectionCloseAndHttp10EndTheConnectionAfterTheResponse() throws Exception {
    assertThat(read("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keepAlive()).isFalse();
    assertThat(read("GET / HTTP/1.0\r\n\r\n").keepAlive()).isFalse();
    assertThat(read("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").keepAlive()).isTrue();
  }

  @Test
  void aClosedConnectionBeforeARequestIsNoRequest() throws Exception {
    assertThat(read("")).isNull();
    assertThat(read("\r\n")).isNull();
  }

  @Test
  void aConnectionClosedMidRequestIsAnError() {
    assertThatThrownBy(() -> read("GET /data HTTP/1.1\r\nHost: x\r\n"))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> read("POST /control HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc"))
        .isInstanceOf(EOFException.class);
  }

  @Test
  void malformedRequestsAreRejectedWithTheirStatus() {
    assertBadRequest("GARBAGE\r\n\r\n", 400, "malformed request line: GARBAGE");
    assertBadRequest("GET /x HTTP/2.0\r\n\r\n", 505, "unsupported HTTP version: HTTP/2.0");
    assertBadRequest(
        "GET /x HTTP/1.1\r\nno colon\r\n\r\n", 400, "malformed header field: no colon");
    assertBadRequest(
        "POST /x HTTP/1.1\r\nContent-Length: -3\r\n\r\n", 400, "malformed Content-Length: -3");
    assertBadRequest(
        "POST /x HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n",
        413,
        "body of 2000000 bytes exceeds 1048576");
    assertBadRequest(
        "GET /x HTTP/1.1\r\nX: " + "y".repeat(9000) + "\r\n\r\n",
        431,
        "line longer than 8192 bytes");
  }

  private void assertBadRequest(String wire, int status, String message) {
    assertThatThrownBy(() -> read(wire))
        .isInstanceOfSatisfying(
            BadRequestException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessage(message);
  }

  private @Nullable Http1Request read(String wire) throws Exception {
    return Http1Request.read(
        new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)), interim);
  }
}
