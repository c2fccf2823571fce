package io.backon.sample.downstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A {@link DownstreamBehaviour} as flat fields with units in their names: the form used in JSON
 * (the downstream's {@code /control}, the app's {@code /downstream/behaviour}), in query parameters
 * and in {@code sample.downstream.behaviour.*} properties. Every field is optional: a {@code null}
 * field leaves the value it is {@linkplain #applyTo applied to} unchanged. Immutable.
 *
 * @param failureRate share of hits, 0.0 to 1.0, failing with {@code failureStatus}
 * @param failureStatus HTTP status of injected failures, 400 to 599
 * @param retryAfterSeconds {@code Retry-After} of injected failures in seconds; -1 sends none
 * @param latencyMs wait before every answer, milliseconds
 * @param longTailRate share of hits, 0.0 to 1.0, waiting {@code longTailLatencyMs} instead
 * @param longTailLatencyMs wait of a long-tail hit, milliseconds
 * @param outage whether every hit answers 503
 * @param resetRate share of hits, 0.0 to 1.0, whose connection is reset
 * @param failFirst hits per request id that fail before it succeeds
 * @param seed seed of the rate decisions
 */
public record BehaviourSettings(
    @Nullable Double failureRate,
    @Nullable Integer failureStatus,
    @Nullable Long retryAfterSeconds,
    @Nullable Long latencyMs,
    @Nullable Double longTailRate,
    @Nullable Long longTailLatencyMs,
    @Nullable Boolean outage,
    @Nullable Double resetRate,
    @Nullable Integer failFirst,
    @Nullable Long seed) {

  /** The {@code retryAfterSeconds} value meaning "no {@code Retry-After} header". */
  public static final long NO_RETRY_AFTER = -1;

  /** Names of the fields, as accepted in JSON and query parameters. */
  public static final List<String> FIELD_NAMES =
      Stream.of(BehaviourSettings.class.getRecordComponents())
          .map(component -> component.getName())
          .collect(Collectors.toList());

  /** Every field set to the value of {@code behaviour}. */
  public static BehaviourSettings of(DownstreamBehaviour behaviour) {
    Duration retryAfter = behaviour.retryAfter();
    return new BehaviourSettings(
        behaviour.failureRate(),
        behaviour.failureStatus(),
        retryAfter == null ? NO_RETRY_AFTER : retryAfter.toSeconds(),
        behaviour.latency().toMillis(),
        behaviour.longTailRate(),
        behaviour.longTailLatency().toMillis(),
        behaviour.outage(),
        behaviour.resetRate(),
        behaviour.failFirst(),
        behaviour.seed());
  }

  /**
   * The settings named in {@code values}, converted and checked strictly: text is accepted for
   * numbers and booleans (as in query parameters), unknown names are rejected.
   *
   * @throws IllegalArgumentException naming the unknown or malformed field
   */
  public static BehaviourSettings parse(Map<String, ?> values) {
    try {
      return DownstreamJson.MAPPER.convertValue(values, BehaviourSettings.class);
    } catch (JacksonException e) {
      throw invalid(e);
    }
  }

  /**
   * Parses a JSON object, as strictly as {@link #parse(Map)}; a blank text means no changes.
   *
   * @throws IllegalArgumentException naming the unknown or malformed field, or the syntax error
   */
  public static BehaviourSettings parseJson(String json) {
    if (json.isBlank()) {
      return parse(Map.of());
    }
    try {
      return DownstreamJson.MAPPER.readValue(json, BehaviourSettings.class);
    } catch (JacksonException e) {
      throw invalid(e);
    }
  }

  /**
   * {@code base} with the fields set here replaced.
   *
   * @throws IllegalArgumentException if a resulting value is out of range
   */
  public DownstreamBehaviour applyTo(DownstreamBehaviour base) {
    DownstreamBehaviour.Builder builder = base.toBuilder();
    set(failureRate, builder::failureRate);
    set(failureStatus, builder::failureStatus);
    set(
        retryAfterSeconds,
        seconds ->
            builder.retryAfter(seconds == NO_RETRY_AFTER ? null : Duration.ofSeconds(seconds)));
    set(latencyMs, millis -> builder.latency(Duration.ofMillis(millis)));
    set(longTailRate, builder::longTailRate);
    set(longTailLatencyMs, millis -> builder.longTailLatency(Duration.ofMillis(millis)));
    set(outage, builder::outage);
    set(resetRate, builder::resetRate);
    set(failFirst, builder::failFirst);
    set(seed, builder::seed);
    return builder.build();
  }

  private static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static IllegalArgumentException invalid(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new IllegalArgumentException(
          "unknown behaviour field '"
              + unknown.getPropertyName()
              + "'; known fields: "
              + FIELD_NAMES,
          e);
    }
    if (e instanceof DatabindException && !e.getPath().isEmpty()) {
      String field = e.getPath().get(e.getPath().size() - 1).getPropertyName();
      return new IllegalArgumentException(
          "behaviour field '" + field + "' is invalid: " + e.getOriginalMessage(), e);
    }
    return new IllegalArgumentException(
        "behaviour is not valid JSON: " + e.getOriginalMessage(), e);
  }
}
