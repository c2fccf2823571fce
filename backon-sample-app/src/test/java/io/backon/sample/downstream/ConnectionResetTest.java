package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * A reset hit closes the connection with a TCP RST: clients see an I/O error, not a response, and
 * the downstream counted the hit exactly once (the client did not silently resend it).
 */
class ConnectionResetTest {

  @RegisterExtension
  static final RunningDownstream running =
      new RunningDownstream(DownstreamBehaviour.builder().resetRate(1.0).build());

  static final FlakyDownstream downstream = running.downstream();

  @Test
  void theJdkHttpClientSeesAConnectionResetOnAFreshConnection() {
    HttpClient newClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request =
        HttpRequest.newBuilder(downstream.baseUri().resolve("/data"))
            .header("X-Request-Id", "fresh")
            .build();

    assertThatThrownBy(() -> newClient.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class)
        .hasRootCauseInstanceOf(SocketException.class)
        .hasRootCauseMessage("Connection reset");
    assertThat(downstream.hits("fresh")).isEqualTo(1);
  }

  @Test
  void theJdkHttpClientSeesAConnectionResetOnAPooledConnectionAndDoesNotResend() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.HEALTHY);
    HttpResponse<String> warmUp = LoopbackHttp.get(downstream, "/data", "warm-up");
    downstream.setBehaviour(DownstreamBehaviour.builder().resetRate(1.0).build());

    assertThat(warmUp.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> LoopbackHttp.get(downstream, "/data", "pooled"))
        .isInstanceOf(IOException.class)
        .hasRootCauseMessage("Connection reset");
    assertThat(downstream.hits("pooled")).isEqualTo(1);
  }

  @Test
  void springsRestClientOnTheJdkClientSeesAResourceAccessExceptionCausedByTheReset() {
    RestClient restClient =
        RestClient.builder()
            .requestFactory(new JdkClientHttpRequestFactory(LoopbackHttp.CLIENT))
            .baseUrl(downstream.baseUri().toString())
            .build();

    assertThatThrownBy(
            () ->
                restClient
                    .get()
                    .uri("/data")
                    .header("X-Request-Id", "spring")
                    .retrieve()
                    .toEntity(String.class))
        .isInstanceOf(ResourceAccessException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasRootCauseMessage("Connection reset");
    assertThat(downstream.hits("spring")).isEqualTo(1);
  }

  @Test
  void aSeededResetRateResetsOnlyItsShareOfHits() throws Exception {
    downstream.setBehaviour(DownstreamBehaviour.builder().resetRate(0.5).seed(11).build());

    int resets = 0;
    for (int i = 0; i < 40; i++) {
      try {
        LoopbackHttp.get(downstream, "/data", "share-" + i);
      } catch (IOException reset) {
        resets++;
      }
    }

    assertThat(resets).isBetween(10, 30);
    assertThat(downstream.totalHits()).isEqualTo(40);
  }

  @Test
  void aResetEndsOnlyItsOwnConnectionWhileAnotherRequestIsInFlight() {
    DownstreamBehaviour halfReset =
        DownstreamBehaviour.builder()
            .resetRate(0.5)
            .latency(Duration.ofMillis(300))
            .seed(11)
            .build();
    downstream.setBehaviour(halfReset);

    CompletableFuture<HttpResponse<String>> healthy =
        sendAsync(firstIdOf(halfReset, HitOutcome.OK));
    CompletableFuture<HttpResponse<String>> reset =
        sendAsync(firstIdOf(halfReset, HitOutcome.RESET));

    assertThat(healthy)
        .succeedsWithin(Duration.ofSeconds(10))
        .satisfies(response -> assertThat(response.statusCode()).isEqualTo(200));
    assertThat(reset)
        .failsWithin(Duration.ofSeconds(10))
        .withThrowableThat()
        .havingRootCause()
        .withMessage("Connection reset");
  }

  @Test
  void aResetHappensAfterTheLatency() {
    downstream.setBehaviour(
        DownstreamBehaviour.builder().resetRate(1.0).latency(Duration.ofMillis(200)).build());
    HttpRequest request = HttpRequest.newBuilder(downstream.baseUri().resolve("/data")).build();

    long start = System.nanoTime();
    assertThatThrownBy(
            () -> LoopbackHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  private static CompletableFuture<HttpResponse<String>> sendAsync(String requestId) {
    HttpRequest request =
        HttpRequest.newBuilder(downstream.baseUri().resolve("/data"))
            .header("X-Request-Id", requestId)
            .build();
    return LoopbackHttp.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The first request id {@code id-<n>} whose first hit has {@code outcome}. */
  private static String firstIdOf(DownstreamBehaviour behaviour, HitOutcome outcome) {
    for (int n = 0; ; n++) {
      if (HitPlan.decide(behaviour, "id-" + n, 1).outcome() == outcome) {
        return "id-" + n;
      }
    }
  }
}
