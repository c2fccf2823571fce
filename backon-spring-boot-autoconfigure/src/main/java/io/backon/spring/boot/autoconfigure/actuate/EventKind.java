package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a {@link BackonEventHistory} event records, with its name in the JSON. */
enum EventKind {

  /** A policy decided to retry after a failed attempt (its {@code onBackoff}). */
  RETRY("retry", "policy"),
  /** A policy's call gave up (its {@code onGiveUp}), whatever the reason. */
  GIVE_UP("give-up", "policy"),
  /** A hedged attempt ended other than by its first copy's success. */
  HEDGE("hedge", "policy"),
  /** A circuit breaker changed state. */
  TRANSITION("transition", "circuit-breaker"),
  /** A retry budget refused a retry, so the call gave up. */
  BUDGET_REFUSAL("budget-refusal", "budget");

  private final String json;
  private final String source;

  EventKind(String json, String source) {
    this.json = json;
    this.source = source;
  }

  /** The kind as the JSON shows it, e.g. {@code give-up}. */
  String json() {
    return json;
  }

  /**
   * What the event's {@code name} names: {@code policy}, {@code circuit-breaker} or {@code budget}.
   */
  String source() {
    return source;
  }

  /** The kind named {@code json}, or {@code null} when none is. */
  static @Nullable EventKind of(String json) {
    String wanted = json.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (EventKind kind : values()) {
      if (kind.json.equals(wanted)) {
        return kind;
      }
    }
    return null;
  }

  /** Every kind's JSON name, comma-separated, for messages. */
  static String names() {
    return Arrays.stream(values()).map(EventKind::json).collect(Collectors.joining(", "));
  }
}
