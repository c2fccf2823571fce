package io.backon.sample.downstream;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 (or 1.0) request read off a connection: request line, headers, and a body framed by
 * {@code Content-Length} or chunked transfer coding. Limits: 8 KiB per line, 100 header fields, 1
 * MiB of body.
 *
 * @param method the request method, e.g. {@code GET}
 * @param path the decoded path without the query, e.g. {@code /data}
 * @param query the decoded query parameters; the first value of a repeated name wins
 * @param headers header fields by lower-case name; repeated fields joined with {@code ", "}
 * @param body the request body decoded as UTF-8, empty when there is none
 * @param keepAlive whether the client lets the connection stay open after the response
 */
record Http1Request(
    String method,
    String path,
    Map<String, String> query,
    Map<String, String> headers,
    String body,
    boolean keepAlive) {

  static final int MAX_LINE_BYTES = 8 * 1024;
  static final int MAX_HEADER_FIELDS = 100;
  static final int MAX_BODY_BYTES = 1024 * 1024;

  /** The value of a header field (name in any case), or {@code null}. */
  @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Reads the next request of a connection.
   *
   * @param in the connection's input, buffered
   * @param out the connection's output, for the interim {@code 100 Continue}
   * @return the request, or {@code null} if the client closed the connection before sending one
   * @throws BadRequestException if the request is malformed or exceeds a limit
   * @throws IOException if reading fails, e.g. the connection closes mid-request
   */
  static @Nullable Http1Request read(InputStream in, OutputStream out)
      throws IOException, BadRequestException {
    String requestLine = readLine(in);
    while (requestLine != null
        && requestLine.isEmpty()) { // RFC 9112 2.2: ignore leading blank lines
      requestLine = readLine(in);
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !parts[1].startsWith("/")) {
      throw new BadRequestException(400, "malformed request line: " + requestLine);
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new BadRequestException(505, "unsupported HTTP version: " + version);
    }
    Map<String, String> headers = readHeaders(in);
    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive =
        version.equals("HTTP/1.1")
            ? !connection.contains("close")
            : connection.contains("keep-alive");
    String body = new String(readBody(in, out, headers), StandardCharsets.UTF_8);

    String target = parts[1];
    int questionMark = target.indexOf('?');
    String path = decode(questionMark < 0 ? target : target.substring(0, questionMark));
    Map<String, String> query =
        questionMark < 0 ? Map.of() : parseQuery(target.substring(questionMark + 1));
    return new Http1Request(parts[0], path, query, headers, body, keepAlive);
  }

  private static Map<String, String> readHeaders(InputStream in)
      throws IOException, BadRequestException {
    Map<String, String> headers = new LinkedHashMap<>();
    int fields = 0;
    for (String line = requireLine(in); !line.isEmpty(); line = requireLine(in)) {
      if (++fields > MAX_HEADER_FIELDS) {
        throw new BadRequestException(431, "more than " + MAX_HEADER_FIELDS + " header fields");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequestException(400, "malformed header field: " + line);
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      headers.merge(name, value, (first, next) -> first + ", " + next);
    }
    return headers;
  }

  private static byte[] readBody(InputStream in, OutputStream out, Map<String, String> headers)
      throws IOException, BadRequestException {
    String transferEncoding = headers.getOrDefault("transfer-encoding", "");
    boolean chunked = transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    String contentLength = headers.get("content-length");
    if (!chunked && (contentLength == null || contentLength.equals("0"))) {
      return new byte[0];
    }
    if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    return chunked ? readChunked(in) : readFixed(in, parseLength(contentLength));
  }

  private static long parseLength(@Nullable String contentLength) throws BadRequestException {
    try {
      long length = Long.parseLong(String.valueOf(contentLength).trim());
      if (length < 0) {
        throw new NumberFormatException("negative");
      }
      return length;
    } catch (NumberFormatException e) {
      throw new BadRequestException(400, "malformed Content-Length: " + contentLength);
    }
  }

  private static byte[] readFixed(InputStream in, long length)
      throws IOException, BadRequestException {
    if (length > MAX_BODY_BYTES) {
      throw new BadRequestException(413, "body of " + length + " bytes exceeds " + MAX_BODY_BYTES);
    }
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new EOFException("connection closed after " + body.length + " of " + length + " bytes");
    }
    return body;
  }

  private static byte[] readChunked(InputStream in) throws IOException, BadRequestException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = requireLine(in);
      int extension = sizeLine.indexOf(';');
      String hex = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadRequestException(400, "malformed chunk size: " + sizeLine);
      }
      if (size == 0) {
        readHeaders(in); // trailer fields, ignored
        return body.toByteArray();
      }
      if (size < 0 || body.size() + size > MAX_BODY_BYTES) {
        throw new BadRequestException(413, "chunked body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      body.write(readFixed(in, size));
      if (!requireLine(in).isEmpty()) {
        throw new BadRequestException(400, "chunk of " + size + " bytes not followed by CRLF");
      }
    }
  }

  private static String requireLine(InputStream in) throws IOException, BadRequestException {
    String line = readLine(in);
    if (line == null) {
      throw new EOFException("connection closed in the middle of a request");
    }
    return line;
  }

  /** A line without its CRLF (or bare LF), or {@code null} at end of stream before any byte. */
  private static @Nullable String readLine(InputStream in) throws IOException, BadRequestException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new EOFException("connection closed in the middle of a line");
      }
      if (line.size() == MAX_LINE_BYTES) {
        throw new BadRequestException(431, "line longer than " + MAX_LINE_BYTES + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static Map<String, String> parseQuery(String query) throws BadRequestException {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String decode(String text) throws BadRequestException {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(400, "malformed percent-encoding in " + text);
    }
  }
}
