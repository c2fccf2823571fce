package io.backon.sample.downstream;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper of the {@link FlakyDownstream}: strict about unknown fields. Thread-safe. */
final class DownstreamJson {

  /** Rejects unknown properties and trailing tokens; otherwise Jackson's defaults. */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private DownstreamJson() {}

  /** {@code value} as UTF-8 JSON. */
  static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
