package io.backon.spring.boot.autoconfigure.http;

import java.net.URI;
import java.util.Locale;

/**
 * A downstream as HTTP calls name it in breakers, meters and logs: {@code host:port}, the host in
 * lower case, the port explicit (80 for http, 443 for https when the URI has none). Never the path
 * or query. Immutable value.
 *
 * @param host the host name or address, lower case; IPv6 addresses in brackets
 * @param port the port
 */
record HostAddress(String host, int port) {

  /** The downstream a request URI addresses. */
  static HostAddress of(URI uri) {
    String host = uri.getHost();
    String name = host == null ? "unknown" : host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port =
          "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme())
              ? 443
              : 80;
    }
    return new HostAddress(name, port);
  }

  @Override
  public String toString() {
    return host + ':' + port;
  }
}
