package io.backon.sample.downstream;

import static io.backon.sample.downstream.LoopbackHttp.get;
import static io.backon.sample.downstream.LoopbackHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Driving the downstream over its own HTTP endpoints, as curl would. */
class DownstreamControlOverHttpTest {

  static final DownstreamBehaviour INITIAL = DownstreamBehaviour.builder().seed(21).build();

  @RegisterExtension static final RunningDownstream running = new RunningDownstream(INITIAL);
  static final FlakyDownstream downstream = running.downstream();

  @Test
  void getControlShowsTheBehaviour() throws Exception {
    HttpResponse<String> response = get(downstream, "/control");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"seed\":21", "\"failureStatus\":503");
  }

  @Test
  void postControlWithJsonChangesOnlyTheFieldsGiven() throws Exception {
    HttpResponse<String> response =
        send(downstream, "POST", "/control", "{\"failFirst\":2,\"retryAfterSeconds\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"failFirst\":2", "\"retryAfterSeconds\":1");
    assertThat(downstream.behaviour())
        .isEqualTo(INITIAL.toBuilder().failFirst(2).retryAfter(Duration.ofSeconds(1)).build());
  }

  @Test
  void postControlWithQueryParametersChangesTheBehaviour() throws Exception {
    HttpResponse<String> response =
        send(downstream, "POST", "/control?outage=true&failureStatus=500", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(downstream.behaviour().outage()).isTrue();
    assertThat(downstream.behaviour().failureStatus()).isEqualTo(500);
    assertThat(get(downstream, "/data", "down").statusCode()).isEqualTo(503);
  }

  @Test
  void anInvalidChangeIsAnswered400AndChangesNothing() throws Exception {
    HttpResponse<String> unknown = send(downstream, "POST", "/control", "{\"failurerate\":1}");
    HttpResponse<String> outOfRange = send(downstream, "POST", "/control?failureRate=2", "");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("unknown behaviour field 'failurerate'");
    assertThat(outOfRange.statusCode()).isEqualTo(400);
    assertThat(outOfRange.body())
        .isEqualTo(
            "{\"status\":400,\"error\":\"failureRate must be between 0.0 and 1.0 but was 2.0\"}");
    assertThat(downstream.behaviour()).isEqualTo(INITIAL);
  }

  @Test
  void statsShowHitsPerRequestIdAndDeleteClearsThem() throws Exception {
    get(downstream, "/data", "s-1");
    get(downstream, "/data", "s-1");
    get(downstream, "/data");

    HttpResponse<String> stats = get(downstream, "/stats");
    HttpResponse<String> cleared = send(downstream, "DELETE", "/stats", "");

    assertThat(stats.body())
        .isEqualTo(
            "{\"totalHits\":3,\"anonymousHits\":1,"
                + "\"evictedRequestIds\":0,\"hitsByRequestId\":{\"s-1\":2}}");
    assertThat(cleared.body())
        .isEqualTo(
            "{\"totalHits\":0,\"anonymousHits\":0,"
                + "\"evictedRequestIds\":0,\"hitsByRequestId\":{}}");
    assertThat(downstream.totalHits()).isZero();
  }

  @Test
  void postControlResetRestoresTheInitialBehaviourAndClearsTheHits() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().outage(true).build());
    get(downstream, "/data", "before-reset");

    HttpResponse<String> response = send(downstream, "POST", "/control/reset", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(downstream.behaviour()).isEqualTo(INITIAL);
    assertThat(downstream.totalHits()).isZero();
  }

  @Test
  void unknownPathsAndMethodsAreAnsweredWithWhatExists() throws Exception {
    HttpResponse<String> notFound = get(downstream, "/nothing");
    HttpResponse<String> wrongMethod = send(downstream, "PUT", "/data", "{}");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.body()).contains("GET|POST /data", "POST /control/reset");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST");
    assertThat(downstream.totalHits()).isZero();
  }
}
