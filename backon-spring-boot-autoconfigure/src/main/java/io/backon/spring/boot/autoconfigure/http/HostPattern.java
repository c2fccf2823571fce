package io.backon.spring.boot.autoconfigure.http;

import io.backon.spring.boot.autoconfigure.BackonConfigurationException;
import io.backon.spring.boot.autoconfigure.ConfigErrorCode;
import java.util.Locale;

/**
 * One entry of {@code backon.http.clients.<name>.hosts}: {@code api.example.com} (that host, any
 * port), {@code api.example.com:8443} (host and port), {@code *.example.com} (any subdomain, not
 * the domain itself), {@code *} (every host), each optionally with {@code :port}; an IP address as
 * a URI writes it ({@code 10.0.0.7}, {@code [::1]}). Host names compare without case. A pattern no
 * request's host could match (a URL, a path, blanks, {@code user@}, a leading dot) is refused, so
 * that a mistyped host fails the startup instead of silently never applying. Immutable.
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
    String name = suffix ? hostPart.substring(2) : hostPart;
    if (!(isHostName(name) || (!suffix && isIpv6Literal(name)))) {
      throw invalid(text, subject);
    }
    return new HostPattern(text, suffix ? "." + name : name, suffix, port);
  }

  /**
   * Whether {@code name} can be a request's host: a host name or IPv4 address, dot-separated labels
   * of letters, digits, hyphens and underscores (no empty label, so no leading or trailing dot).
   */
  private static boolean isHostName(String name) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} is an IPv6 address in brackets, as a URI writes it: {@code [::1]}. */
  private static boolean isIpv6Literal(String name) {
    if (name.length() < 4 || name.charAt(0) != '[' || name.charAt(name.length() - 1) != ']') {
      return false;
    }
    for (int i = 1; i < name.length() - 1; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'f') || (c >= '0' && c <= '9') || c == ':' || c == '.')) {
        return false;
      }
    }
    return true;
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
            + "subdomains (*.example.com), an IP address (10.0.0.7, [::1]:8080) or * for every "
            + "host; no scheme, path or blanks.");
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
