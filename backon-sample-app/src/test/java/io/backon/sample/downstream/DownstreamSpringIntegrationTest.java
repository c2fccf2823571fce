package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole app: the downstream starts with it and its controller drives the downstream. */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "sample.downstream.port=0",
      "sample.downstream.behaviour.seed=5",
      "sample.downstream.behaviour.retry-after-seconds=2"
    })
class DownstreamSpringIntegrationTest {

  @LocalServerPort int appPort;

  @Autowired FlakyDownstream downstream;

  @Autowired DownstreamEndpoint endpoint;

  @BeforeEach
  void initialBehaviourAndNoHits() {
    downstream.reset();
  }

  @Test
  void theDownstreamRunsOnItsOwnFreePortWithTheConfiguredInitialBehaviour() {
    assertThat(downstream.isRunning()).isTrue();
    assertThat(endpoint.baseUri()).isEqualTo(downstream.baseUri());
    assertThat(downstream.port()).isNotIn(appPort, 8081);
    assertThat(downstream.initialBehaviour().seed()).isEqualTo(5);
    assertThat(downstream.initialBehaviour().retryAfter()).hasSeconds(2);
  }

  @Test
  void getBehaviourShowsTheDownstreamsBehaviour() throws Exception {
    HttpResponse<String> response = app("GET", "/downstream/behaviour", "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"seed\":5", "\"retryAfterSeconds\":2");
  }

  @Test
  void putBehaviourReplacesItAndTheDownstreamActsOnItAtOnce() throws Exception {
    HttpResponse<String> put = app("PUT", "/downstream/behaviour", "{\"failFirst\":1}");

    HttpResponse<String> first = downstream("first-and-second");
    HttpResponse<String> second = downstream("first-and-second");

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.body()).contains("\"failFirst\":1", "\"seed\":0", "\"retryAfterSeconds\":-1");
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void patchBehaviourChangesOnlyTheFieldsGiven() throws Exception {
    HttpResponse<String> patch =
        app("PATCH", "/downstream/behaviour", "{\"failureStatus\":429,\"failFirst\":1}");

    HttpResponse<String> throttled = downstream("throttled");

    assertThat(patch.statusCode()).isEqualTo(200);
    assertThat(downstream.behaviour().seed()).isEqualTo(5);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
  }

  @Test
  void anInvalidBehaviourIsAProblemDetailNamingTheField() throws Exception {
    HttpResponse<String> response = app("PUT", "/downstream/behaviour", "{\"resetRate\":3}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"detail\":\"resetRate must be between 0.0 and 1.0 but was 3.0\"");
    assertThat(downstream.behaviour()).isEqualTo(downstream.initialBehaviour());
  }

  @Test
  void statsCountTheDownstreamsHitsPerRequestId() throws Exception {
    downstream("counted");
    downstream("counted");

    HttpResponse<String> stats = app("GET", "/downstream/stats", "");
    HttpResponse<String> cleared = app("DELETE", "/downstream/stats", "");

    assertThat(stats.body()).contains("\"totalHits\":2", "\"hitsByRequestId\":{\"counted\":2}");
    assertThat(cleared.body()).contains("\"totalHits\":0");
    assertThat(downstream.hits("counted")).isZero();
  }

  @Test
  void resetRestoresTheConfiguredBehaviourAndClearsTheHits() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().outage(true).build());
    downstream("before-reset");

    HttpResponse<String> reset = app("POST", "/downstream/reset", "");

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.body()).contains("\"outage\":false", "\"seed\":5");
    assertThat(downstream.totalHits()).isZero();
  }

  private HttpResponse<String> app(String method, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + appPort + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    return LoopbackHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> downstream(String requestId) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.uri("/data")).header("X-Request-Id", requestId).build();
    return LoopbackHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
