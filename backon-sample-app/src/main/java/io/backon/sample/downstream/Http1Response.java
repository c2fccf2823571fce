package io.backon.sample.downstream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One response of the {@link FlakyDownstream}, or the instruction to reset the connection instead
 * ({@link #connectionReset()}). Immutable.
 */
final class Http1Response {

  private static final Http1Response RESET = new Http1Response(0, Map.of(), new byte[0]);
  private static final Map<Integer, String> REASONS =
      Map.ofEntries(
          Map.entry(200, "OK"),
          Map.entry(400, "Bad Request"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(413, "Content Too Large"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"),
          Map.entry(505, "HTTP Version Not Supported"));

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private Http1Response(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /**
   * A JSON response.
   *
   * @param status the HTTP status code
   * @param headers extra header fields, in order (no framing or {@code Connection} fields)
   * @param json the UTF-8 JSON body
   */
  static Http1Response json(int status, Map<String, String> headers, byte[] json) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Content-Type", "application/json");
    all.putAll(headers);
    return new Http1Response(status, Collections.unmodifiableMap(all), json.clone());
  }

  /** Not a response: the connection is reset (TCP RST) without one. */
  static Http1Response connectionReset() {
    return RESET;
  }

  boolean isConnectionReset() {
    return this == RESET;
  }

  int status() {
    return status;
  }

  /**
   * Writes status line, header fields and body; does not flush.
   *
   * @param keepAlive whether the connection stays open (sends {@code Connection: keep-alive} or
   *     {@code close})
   */
  void writeTo(OutputStream out, boolean keepAlive) throws IOException {
    if (isConnectionReset()) {
      throw new IllegalStateException("a connection reset has no response to write");
    }
    StringBuilder head =
        new StringBuilder(256)
            .append("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(REASONS.getOrDefault(status, "Status"))
            .append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Content-Length: ")
        .append(body.length)
        .append("\r\n")
        .append("Connection: ")
        .append(keepAlive ? "keep-alive" : "close")
        .append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
  }
}
