package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.Description;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The one form of every value {@code /actuator/backon} shows, over HTTP and JMX alike: durations as
 * ISO-8601 text ({@code PT0.1S}), {@code null} for no duration or no limit, {@code null} for a rate
 * that is not measured (never {@code -1} or {@code NaN}), and a {@link Description} as an object
 * whose first key is {@code kind}, followed by its parameters.
 */
final class JsonValues {

  private JsonValues() {}

  /** {@code duration} as ISO-8601 text; {@code null} for none. */
  static @Nullable String duration(@Nullable Duration duration) {
    return duration == null ? null : duration.toString();
  }

  /**
   * {@code nanos} as ISO-8601 text; {@code null} for none ({@code <= 0}) or no limit ({@code
   * Long.MAX_VALUE}).
   */
  static @Nullable String nanos(long nanos) {
    return nanos <= 0 || nanos == Long.MAX_VALUE ? null : Duration.ofNanos(nanos).toString();
  }

  /** {@code rate} in percent, or {@code null} when it is not measured ({@code NaN}). */
  static @Nullable Double rate(double rate) {
    return Double.isNaN(rate) ? null : rate;
  }

  /** {@code description} as a JSON object: {@code kind}, then each parameter in this form. */
  static Map<String, @Nullable Object> of(Description description) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("kind", description.kind());
    description.parameters().forEach((name, value) -> json.put(name, value(value)));
    return json;
  }

  private static @Nullable Object value(@Nullable Object value) {
    if (value instanceof Duration duration) {
      return duration(duration);
    }
    if (value instanceof Description description) {
      return of(description);
    }
    if (value instanceof Double number && number.isNaN()) {
      return null;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> values = new ArrayList<>(list.size());
      list.forEach(element -> values.add(value(element)));
      return values;
    }
    return value;
  }
}
