package io.backon.sample.downstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoints of the {@link FlakyDownstream}, as a JDK {@code HttpServer} handler: the flaky
 * {@code /data}, and {@code /control} and {@code /stats}, which are never flaky and never counted.
 * Thread-safe: it keeps no state of its own.
 */
final class DownstreamHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(FlakyDownstream.class);

  /** Every endpoint, as listed in the body of a 404. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET|POST /data",
          "GET /control",
          "POST /control",
          "POST /control/reset",
          "GET /stats",
          "DELETE /stats");

  private final FlakyDownstream downstream;
  private final HitCounter hits;
  private final ConnectionRelay relay;

  DownstreamHandler(FlakyDownstream downstream, HitCounter hits, ConnectionRelay relay) {
    this.downstream = downstream;
    this.hits = hits;
    this.relay = relay;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer = answer(exchange);
      if (answer != null) {
        byte[] json = DownstreamJson.write(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), json.length);
        exchange.getResponseBody().write(json);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt(); // the downstream stops: the request gets no answer
    }
  }

  /** The answer to one request, or {@code null} when its connection was reset instead. */
  private @Nullable Answer answer(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    try {
      switch (path) {
        case "/data":
          return method.equals("GET") || method.equals("POST")
              ? data(exchange)
              : methodNotAllowed("GET, POST");
        case "/control":
          if (method.equals("GET")) {
            return ok(BehaviourSettings.of(downstream.behaviour()));
          }
          return method.equals("POST") ? changeBehaviour(exchange) : methodNotAllowed("GET, POST");
        case "/control/reset":
          if (!method.equals("POST")) {
            return methodNotAllowed("POST");
          }
          downstream.reset();
          return ok(BehaviourSettings.of(downstream.behaviour()));
        case "/stats":
          if (method.equals("DELETE")) {
            downstream.resetStats();
          } else if (!method.equals("GET")) {
            return methodNotAllowed("GET, DELETE");
          }
          return ok(downstream.stats());
        default:
          return error(404, Map.of(), "no endpoint " + path + "; try " + ENDPOINTS);
      }
    } catch (IllegalArgumentException invalid) {
      return error(400, Map.of(), String.valueOf(invalid.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("Flaky downstream failed to answer {} {}", method, path, e);
      return error(500, Map.of(), "internal error: " + e);
    }
  }

  private @Nullable Answer data(HttpExchange exchange) throws IOException, InterruptedException {
    Map<String, String> query = query(exchange.getRequestURI());
    String header = exchange.getRequestHeaders().getFirst("X-Request-Id");
    String requestId = header == null || header.isBlank() ? null : header;
    DownstreamBehaviour behaviour = downstream.behaviour();
    long hit = hits.count(requestId);
    HitPlan plan = HitPlan.decide(behaviour, requestId, hit);
    sleep(plan.latency());
    if (plan.outcome() == HitOutcome.RESET) {
      relay.reset(exchange.getRemoteAddress());
      return null;
    }

    Map<String, String> headers = new LinkedHashMap<>();
    if (requestId != null) {
      headers.put("X-Request-Id", requestId);
    }
    headers.put("X-Downstream-Hit", Long.toString(hit));
    headers.put("X-Downstream-Outcome", plan.outcome().headerValue());
    headers.put("X-Downstream-Latency-Ms", Long.toString(plan.latency().toMillis()));
    int status =
        switch (plan.outcome()) {
          case OK -> 200;
          case OUTAGE -> 503;
          default -> behaviour.failureStatus();
        };
    Duration retryAfter = behaviour.retryAfter();
    if (status != 200 && retryAfter != null) {
      headers.put("Retry-After", Long.toString(retryAfter.toSeconds()));
    }
    String outcome = plan.outcome().headerValue();
    long latencyMs = plan.latency().toMillis();
    return new Answer(
        status, headers, new DataReply(requestId, hit, status, outcome, latencyMs, query));
  }

  private Answer changeBehaviour(HttpExchange exchange) throws IOException {
    BehaviourSettings fromQuery = BehaviourSettings.parse(query(exchange.getRequestURI()));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    BehaviourSettings fromBody = BehaviourSettings.parseJson(body);
    DownstreamBehaviour changed =
        downstream.updateBehaviour(current -> fromBody.applyTo(fromQuery.applyTo(current)));
    return ok(BehaviourSettings.of(changed));
  }

  /**
   * The decoded query parameters; the first value of a repeated name wins.
   *
   * @throws IllegalArgumentException for a malformed percent-encoding
   */
  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (!name.isEmpty()) {
        parameters.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }

  private static void sleep(Duration latency) throws InterruptedException {
    if (!latency.isZero()) {
      TimeUnit.NANOSECONDS.sleep(latency.toNanos());
    }
  }

  private static Answer ok(Object body) {
    return new Answer(200, Map.of(), body);
  }

  private static Answer methodNotAllowed(String allowed) {
    return error(405, Map.of("Allow", allowed), "method not allowed; allowed: " + allowed);
  }

  private static Answer error(int status, Map<String, String> headers, String message) {
    return new Answer(status, headers, new ErrorReply(status, message));
  }

  /** A JSON answer: status, extra header fields, body. */
  private record Answer(int status, Map<String, String> headers, Object body) {}

  /**
   * The JSON body of every {@code /data} answer, success or injected failure.
   *
   * @param requestId the {@code X-Request-Id}, {@code null} when absent
   * @param hit the 1-based hit number of this request id
   * @param status the HTTP status of the answer
   * @param outcome the {@link HitOutcome#headerValue()}
   * @param latencyMs the injected wait, milliseconds
   * @param query the decoded query parameters, echoed
   */
  record DataReply(
      @Nullable String requestId,
      long hit,
      int status,
      String outcome,
      long latencyMs,
      Map<String, String> query) {}

  /**
   * The JSON body of an error that is not an injected failure (bad request, unknown endpoint).
   *
   * @param status the HTTP status
   * @param error what went wrong
   */
  record ErrorReply(int status, String error) {}
}
