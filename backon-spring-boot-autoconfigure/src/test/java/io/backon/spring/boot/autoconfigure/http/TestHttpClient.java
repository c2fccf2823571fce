package io.backon.spring.boot.autoconfigure.http;

import java.net.URI;
import java.util.Map;

/** One of the HTTP clients under test, as the tests drive them. */
interface TestHttpClient extends AutoCloseable {

  /** Sends a request without body and blocks for the reply; never throws. */
  Reply send(String method, URI uri, Map<String, String> headers);

  default Reply get(URI uri) {
    return send("GET", uri, Map.of());
  }

  @Override
  void close();
}
