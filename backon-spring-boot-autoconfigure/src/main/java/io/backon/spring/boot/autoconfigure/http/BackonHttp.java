package io.backon.spring.boot.autoconfigure.http;

/**
 * Names for applications using Backon's HTTP client integration. A request names its client (whose
 * rules under {@code backon.http.clients.<name>} then apply, whatever its host) with the request
 * attribute {@link #CLIENT_ATTRIBUTE}:
 *
 * <pre>{@code
 * restClient.get().uri("/quotes").attribute(BackonHttp.CLIENT_ATTRIBUTE, "quotes").retrieve() ...
 * RestClient quotes = builder.defaultRequest(r -> r.attribute(BackonHttp.CLIENT_ATTRIBUTE, "quotes")).build();
 * }</pre>
 *
 * <p>HTTP interface clients of an HTTP service group are named after their group automatically.
 */
public final class BackonHttp {

  /** The request attribute naming the client whose rules apply: {@value}. */
  public static final String CLIENT_ATTRIBUTE = "io.backon.http.client";

  private BackonHttp() {}
}
