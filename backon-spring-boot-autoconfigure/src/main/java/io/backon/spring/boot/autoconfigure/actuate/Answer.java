package io.backon.spring.boot.autoconfigure.actuate;

import java.util.Map;

/**
 * What one {@code /actuator/backon/{kind}/{name}} operation answers: a descriptor with status 200,
 * or {@code {"message": "..."}} with 400 or 404. The endpoint returns the body (JMX); its web
 * extension adds the status (HTTP).
 *
 * @param status the HTTP status
 * @param body the descriptor, or the message object
 */
record Answer(int status, Object body) {

  static Answer ok(Object body) {
    return new Answer(200, body);
  }

  static Answer notFound(String message) {
    return new Answer(404, Map.of("message", message));
  }

  static Answer badRequest(String message) {
    return new Answer(400, Map.of("message", message));
  }
}
