package io.backon.sample.downstream;

import java.net.URI;
import java.util.Objects;

/**
 * Where the app's clients reach the downstream: they depend on this, not on the {@link
 * FlakyDownstream} behind it. The address is looked up on each call, because with port 0 it is only
 * known once the downstream has started. Thread-safe.
 */
public final class DownstreamEndpoint {

  private final FlakyDownstream downstream;

  DownstreamEndpoint(FlakyDownstream downstream) {
    this.downstream = Objects.requireNonNull(downstream, "downstream");
  }

  /**
   * {@code http://127.0.0.1:<port>}.
   *
   * @throws IllegalStateException if the downstream is not running
   */
  public URI baseUri() {
    return downstream.baseUri();
  }

  /**
   * The absolute URI of a path on the downstream, e.g. {@code uri("/data?item=7")}.
   *
   * @param pathAndQuery starts with {@code /}
   * @throws IllegalStateException if the downstream is not running
   */
  public URI uri(String pathAndQuery) {
    if (!pathAndQuery.startsWith("/")) {
      throw new IllegalArgumentException(
          "pathAndQuery must start with '/' but was '" + pathAndQuery + "'");
    }
    return URI.create(baseUri() + pathAndQuery);
  }
}
