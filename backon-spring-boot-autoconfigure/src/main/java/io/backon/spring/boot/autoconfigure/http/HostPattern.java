package io.backon.spring.boot.autoconfigure.http;

import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import java.util.Locale;

/**
 * One entry of {@code backon.http.clients.<name>.hosts}: {@code api.example.com} (that host, any
 * port), {@code api.example.com:8443} (host and port), {@code *.example.com} (any subdomain, not
 * the domain itself), {@code *} (every host), each optionally with {@code :port}. Host names
 * compare without case. Immutable.
 */
final class HostPattern {

  private final String text;
  private final String host;
  private final boolean suffix;
  private final int port;

  private HostPattern(String text, String host, boolean suffix, int port) {
    this.text = text;
    this.host = host;
    this.suffix = suffix;
    this.port = port;
  }

  /**
   * Reads a pattern.
   *
   * @param subject the property it comes from, named in the error
   * @throws BackonConfigurationException {@code BACKON-CFG-001} when it is not a pattern
   */
  static HostPattern parse(String text, String subject) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    String hostPart = trimmed;
    int port = -1;
    int colon = trimmed.lastIndexOf(':');
    if (colon > trimmed.lastIndexOf(']')) {
      String portText = trimmed.substring(colon + 1);
      hostPart = trimmed.substring(0, colon);
      port = portOf(portText, text, subject);
    }
    if (hostPart.equals("*")) {
      return new HostPattern(text, "", true, port);
    }
    boolean suffix = hostPart.startsWith("*.");
    String host = suffix ? hostPart.substring(1) : hostPart;
    if (host.isEmpty() || host.equals(".") || host.contains("*") || host.contains("/")) {
      throw invalid(text, subject);
    }
    return new HostPattern(text, host, suffix, port);
  }

  private static int portOf(String portText, String text, String subject) {
    try {
      int port = Integer.parseInt(portText);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw invalid(text, subject);
  }

  private static BackonConfigurationException invalid(String text, String subject) {
    return new BackonConfigurationException(
        ConfigErrorCode.INVALID_VALUE,
        subject,
        "'" + text + "' is not a host pattern.",
        "write a host (api.example.com), a host and port (api.example.com:8443), a domain's "
            + "subdomains (*.example.com) or * for every host.");
  }

  /** Whether {@code address} is one of the hosts this pattern names. */
  boolean matches(HostAddress address) {
    if (port >= 0 && port != address.port()) {
      return false;
    }
    return suffix ? address.host().endsWith(host) : address.host().equals(host);
  }

  @Override
  public String toString() {
    return text;
  }
}
