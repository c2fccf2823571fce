package io.backon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a strategy is, in fields a tool can show rather than a {@code toString()} to parse: a kind
 * and named parameters, e.g. kind {@code expo} with {@code base=2.0, factor=PT1S, max=null}. The
 * Actuator endpoint renders it as a JSON object. Immutable and thread-safe.
 *
 * <p>A parameter value is {@code null} (none, or no limit), a {@link Boolean}, {@link Integer},
 * {@link Long}, {@link Double}, {@link String} (class names are strings), {@link Duration}, another
 * {@code Description}, or a {@link List} of those. Parameters keep the order in which they were
 * added (the factory method's order).
 *
 * @param kind the strategy's factory name, e.g. {@code expo}, {@code onException}; {@code custom}
 *     for an implementation that does not describe itself
 * @param parameters the parameters by name; unmodifiable, may hold {@code null} values
 */
public record Description(String kind, Map<String, @Nullable Object> parameters) {

  /** Checks the kind and keeps an unmodifiable, ordered copy of the parameters. */
  public Description {
    Objects.requireNonNull(kind, "kind");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** A description of {@code kind} without parameters. */
  public static Description of(String kind) {
    return new Description(kind, Map.of());
  }

  /**
   * How {@code strategy} describes itself when it is {@link Describable}; otherwise kind {@code
   * custom} with its class name as parameter {@code class}.
   */
  public static Description of(Object strategy) {
    if (strategy instanceof Describable describable) {
      return describable.describe();
    }
    return of("custom").with("class", strategy.getClass().getName());
  }

  /** This description plus the parameter {@code name} (replacing one of that name). */
  public Description with(String name, @Nullable Object value) {
    Map<String, @Nullable Object> more = new LinkedHashMap<>(parameters);
    more.put(Objects.requireNonNull(name, "name"), value);
    return new Description(kind, more);
  }

  /** The descriptions of {@code strategies}, in order, as a parameter value. */
  public static List<Description> ofAll(List<?> strategies) {
    List<Description> all = new ArrayList<>(strategies.size());
    for (Object strategy : strategies) {
      all.add(of(strategy));
    }
    return List.copyOf(all);
  }

  /** The fully qualified names of {@code types}, in order, as a parameter value. */
  public static List<String> classNames(Class<?>... types) {
    List<String> names = new ArrayList<>(types.length);
    for (Class<?> type : types) {
      names.add(type.getName());
    }
    return List.copyOf(names);
  }

  /** {@code nanos} as a parameter value: {@code null} for {@code Long.MAX_VALUE} (no limit). */
  public static @Nullable Duration nanos(long nanos) {
    return nanos == Long.MAX_VALUE ? null : Duration.ofNanos(nanos);
  }
}
