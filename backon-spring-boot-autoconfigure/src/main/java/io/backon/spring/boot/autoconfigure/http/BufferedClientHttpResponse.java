package io.backon.spring.boot.autoconfigure.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A failed answer read into memory so that its connection is released at once: status, headers and
 * at most {@value #MAX_BODY_BYTES} bytes of body (the rest is dropped). Handed back to the caller
 * when the call gives up with it. Immutable; {@link #close()} does nothing.
 */
final class BufferedClientHttpResponse implements ClientHttpResponse {

  /** The most bytes of a failed answer's body kept for the caller: 256 KiB. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  private final HttpStatusCode status;
  private final String statusText;
  private final HttpHeaders headers;
  private final byte[] body;

  private BufferedClientHttpResponse(
      HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body) {
    this.status = status;
    this.statusText = statusText;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Reads {@code response} (its body up to the limit) and closes it, whatever happens.
   *
   * @throws IOException when reading fails; the response is closed all the same
   */
  static BufferedClientHttpResponse copyAndClose(ClientHttpResponse response) throws IOException {
    try (response) {
      HttpHeaders headers = new HttpHeaders();
      headers.putAll(response.getHeaders());
      byte[] body;
      try (InputStream in = response.getBody()) {
        body = in.readNBytes(MAX_BODY_BYTES);
      }
      return new BufferedClientHttpResponse(
          response.getStatusCode(),
          response.getStatusText(),
          HttpHeaders.readOnlyHttpHeaders(headers),
          body);
    }
  }

  @Override
  public HttpStatusCode getStatusCode() {
    return status;
  }

  @Override
  public String getStatusText() {
    return statusText;
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public InputStream getBody() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public void close() {
    // nothing to release: the connection was released when the answer was read
  }
}
