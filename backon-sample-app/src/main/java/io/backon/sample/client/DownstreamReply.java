package io.backon.sample.client;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What one call of the downstream's {@code /data} returned, read from its {@code X-Downstream-*}
 * headers, or the value a fallback returned instead.
 *
 * @param requestId the {@code X-Request-Id} the call was made for
 * @param hit the downstream's count of hits for that id when it answered (1 = the first attempt); 0
 *     for a fallback value that did not come from the downstream
 * @param outcome the {@code X-Downstream-Outcome}, {@code ok} for a success
 * @param latencyMs how long the downstream waited before it answered, in milliseconds
 * @param source {@code downstream}, or where a fallback took the value from ({@code cache}, {@code
 *     default})
 */
public record DownstreamReply(
    String requestId, long hit, String outcome, long latencyMs, String source) {

  /** The {@code source} of a reply that came from the downstream. */
  public static final String FROM_DOWNSTREAM = "downstream";

  /**
   * Reads a successful answer's headers.
   *
   * @param requestId the id the call was made for
   * @param header looks a response header up by name, {@code null} when absent
   */
  public static DownstreamReply fromHeaders(
      String requestId, Function<String, @Nullable String> header) {
    return new DownstreamReply(
        requestId,
        number(header.apply("X-Downstream-Hit")),
        String.valueOf(header.apply("X-Downstream-Outcome")),
        number(header.apply("X-Downstream-Latency-Ms")),
        FROM_DOWNSTREAM);
  }

  /** This value, as served by a fallback from {@code source} for the call {@code requestId}. */
  public DownstreamReply servedBy(String source, String requestId) {
    return new DownstreamReply(requestId, 0, outcome, latencyMs, source);
  }

  private static long number(@Nullable String value) {
    return value == null ? -1 : Long.parseLong(value.trim());
  }
}
