package io.backon.spring.boot.autoconfigure.actuate;

import io.backon.GiveUpReason;
import io.backon.breaker.CircuitState;
import io.backon.hedge.HedgeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One event of a {@link BackonEventHistory}, as recorded: compact, and turned into JSON only when
 * read. Fields that do not apply to its kind are {@code 0}, {@code -1} or {@code null}. Immutable.
 *
 * @param id the history-wide sequence number, from 1
 * @param epochMillis when it was recorded
 * @param kind what happened
 * @param name the policy, breaker or budget it happened to
 * @param attempt the attempt that failed (retry, give-up, budget refusal), else 0
 * @param waitNanos the back-off before the next attempt (retry), else -1
 * @param exception the attempt's failure, or {@code null} (a rejected value, or not an attempt)
 * @param reason why the call gave up (give-up, budget refusal), else {@code null}
 * @param reasonText the policy's own words for {@code reason} when they differ from {@link
 *     GiveUpReason#description()} (a {@code giveUpIf} given with a reason), else {@code null}
 * @param outcome how the hedged attempt ended (hedge), else {@code null}
 * @param from the state left (transition), else {@code null}
 * @param to the state entered (transition), else {@code null}
 * @param policy the policy whose retry was refused (budget refusal), else {@code null}
 */
record RecordedEvent(
    long id,
    long epochMillis,
    EventKind kind,
    String name,
    int attempt,
    long waitNanos,
    @Nullable Class<?> exception,
    @Nullable GiveUpReason reason,
    @Nullable String reasonText,
    @Nullable HedgeOutcome outcome,
    @Nullable CircuitState from,
    @Nullable CircuitState to,
    @Nullable String policy) {

  /** The event as {@code /actuator/backon/events} shows it: only the fields of its kind. */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("time", Instant.ofEpochMilli(epochMillis).toString());
    json.put("kind", kind.json());
    json.put("source", kind.source());
    json.put("name", name);
    if (policy != null) {
      json.put("policy", policy);
    }
    if (attempt > 0) {
      json.put("attempt", attempt);
    }
    if (waitNanos >= 0) {
      json.put("wait", Duration.ofNanos(waitNanos).toString());
    }
    if (exception != null) {
      json.put("exception", exception.getSimpleName());
    }
    if (reason != null) {
      json.put("reason", reason.name());
      json.put("reasonText", reasonText != null ? reasonText : reason.description());
    }
    if (outcome != null) {
      json.put("outcome", outcome.tagValue());
    }
    if (from != null && to != null) {
      json.put("from", from.name());
      json.put("to", to.name());
    }
    return json;
  }
}
