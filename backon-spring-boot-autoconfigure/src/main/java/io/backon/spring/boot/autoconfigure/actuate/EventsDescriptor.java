package io.backon.spring.boot.autoconfigure.actuate;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /actuator/backon/events} returns.
 *
 * @param capacity events kept per policy, breaker and budget ({@code backon.events.capacity})
 * @param latest the id of the newest event recorded so far (0 before the first), whether or not it
 *     matched the filters: pass it as {@code since} to get only newer events next time
 * @param events the retained events that match, oldest first; each has {@code id}, {@code time}
 *     (ISO-8601), {@code kind}, {@code source} and {@code name}, then the fields of its kind
 */
public record EventsDescriptor(int capacity, long latest, List<Map<String, Object>> events) {}
