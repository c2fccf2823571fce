package io.backon.sample.downstream;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints of the {@link FlakyDownstream}: the flaky {@code /data}, and {@code /control} and
 * {@code /stats}, which are never flaky and never counted. Thread-safe: it keeps no state of its
 * own.
 */
final class DownstreamHandler {

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

  DownstreamHandler(FlakyDownstream downstream, HitCounter hits) {
    this.downstream = downstream;
    this.hits = hits;
  }

  /**
   * Answers one request.
   *
   * @throws InterruptedException if the downstream stops while the request waits out its latency
   */
  Http1Response handle(Http1Request request) throws InterruptedException {
    String method = request.method();
    switch (request.path()) {
      case "/data":
        return method.equals("GET") || method.equals("POST")
            ? data(request)
            : methodNotAllowed("GET, POST");
      case "/control":
        if (method.equals("GET")) {
          return ok(BehaviourSettings.of(downstream.behaviour()));
        }
        return method.equals("POST") ? changeBehaviour(request) : methodNotAllowed("GET, POST");
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
        return error(404, Map.of(), "no endpoint " + request.path() + "; try " + ENDPOINTS);
    }
  }

  /** An error answer with a JSON body {@code {"status":…,"error":…}}. */
  static Http1Response error(int status, Map<String, String> headers, String message) {
    return Http1Response.json(
        status, headers, DownstreamJson.write(new ErrorReply(status, message)));
  }

  private Http1Response data(Http1Request request) throws InterruptedException {
    String header = request.header("X-Request-Id");
    String requestId = header == null || header.isBlank() ? null : header;
    DownstreamBehaviour behaviour = downstream.behaviour();
    long hit = hits.count(requestId);
    HitPlan plan = HitPlan.decide(behaviour, requestId, hit);
    sleep(plan.latency());
    if (plan.outcome() == HitOutcome.RESET) {
      return Http1Response.connectionReset();
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
    DataReply reply =
        new DataReply(
            requestId,
            hit,
            status,
            plan.outcome().headerValue(),
            plan.latency().toMillis(),
            request.query());
    return Http1Response.json(status, headers, DownstreamJson.write(reply));
  }

  private Http1Response changeBehaviour(Http1Request request) {
    try {
      BehaviourSettings fromQuery = BehaviourSettings.parse(request.query());
      BehaviourSettings fromBody = BehaviourSettings.parseJson(request.body());
      DownstreamBehaviour changed =
          downstream.updateBehaviour(current -> fromBody.applyTo(fromQuery.applyTo(current)));
      return ok(BehaviourSettings.of(changed));
    } catch (IllegalArgumentException e) {
      return error(400, Map.of(), String.valueOf(e.getMessage()));
    }
  }

  private static void sleep(Duration latency) throws InterruptedException {
    if (!latency.isZero()) {
      TimeUnit.NANOSECONDS.sleep(latency.toNanos());
    }
  }

  private static Http1Response ok(Object body) {
    return Http1Response.json(200, Map.of(), DownstreamJson.write(body));
  }

  private static Http1Response methodNotAllowed(String allowed) {
    return error(405, Map.of("Allow", allowed), "method not allowed; allowed: " + allowed);
  }

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
