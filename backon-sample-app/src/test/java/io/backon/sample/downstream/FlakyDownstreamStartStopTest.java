package io.backon.sample.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Starting, stopping and restarting the downstream, and what it leaves behind. */
class FlakyDownstreamStartStopTest {

  @Test
  void startsOnAFreeLoopbackPortWhenAskedForPortZeroAndReportsIt() throws Exception {
    try (FlakyDownstream downstream = FlakyDownstream.builder().port(0).build().start()) {
      assertThat(downstream.isRunning()).isTrue();
      assertThat(downstream.port()).isPositive();
      assertThat(downstream.baseUri()).hasToString("http://127.0.0.1:" + downstream.port());
      assertThat(LoopbackHttp.get(downstream, "/data").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void stopFreesThePortEvenWithKeepAliveConnectionsOpen() throws Exception {
    int port;
    try (FlakyDownstream downstream = FlakyDownstream.builder().port(0).build().start()) {
      port = downstream.port();
      LoopbackHttp.get(downstream, "/data", "keeps-the-connection-open");
      assertThat(downstream.openConnections()).isEqualTo(1);
    }

    try (ServerSocket sameAddress = new ServerSocket()) {
      sameAddress.setReuseAddress(true);
      sameAddress.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(sameAddress.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void stopEndsEveryThreadItStarted() throws Exception {
    FlakyDownstream downstream = FlakyDownstream.builder().port(0).build().start();
    String prefix = "flaky-downstream-" + downstream.port() + "-";
    for (int i = 0; i < 5; i++) {
      LoopbackHttp.get(downstream, "/data", "call-" + i);
    }
    assertThat(threadsNamed(prefix)).contains(prefix + "acceptor", prefix + "1");

    downstream.stop();

    assertThat(threadsNamed(prefix)).isEmpty();
    assertThat(downstream.isRunning()).isFalse();
    assertThat(downstream.openConnections()).isZero();
  }

  @Test
  void stopCutsARequestInFlightAndReturnsPromptly() throws Exception {
    FlakyDownstream downstream =
        FlakyDownstream.builder()
            .port(0)
            .behaviour(DownstreamBehaviour.builder().latency(Duration.ofSeconds(30)).build())
            .build()
            .start();
    HttpRequest slow = HttpRequest.newBuilder(downstream.baseUri().resolve("/data")).build();
    CompletableFuture<HttpResponse<String>> inFlight =
        LoopbackHttp.CLIENT.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(5)).until(() -> downstream.totalHits() == 1);

    long start = System.nanoTime();
    downstream.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(() -> inFlight.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void restartsWithItsBehaviourAndCountsKept() throws Exception {
    try (FlakyDownstream downstream = FlakyDownstream.builder().port(0).build().start()) {
      downstream.setBehaviour(DownstreamBehaviour.builder().failFirst(1).build());
      LoopbackHttp.get(downstream, "/data", "survivor");

      downstream.stop();
      downstream.start();
      HttpResponse<String> second = LoopbackHttp.get(downstream, "/data", "survivor");

      assertThat(second.statusCode()).isEqualTo(200);
      assertThat(second.headers().firstValue("X-Downstream-Hit")).hasValue("2");
    }
  }

  @Test
  void startingTwiceKeepsTheFirstServer() {
    try (FlakyDownstream downstream = FlakyDownstream.builder().port(0).build().start()) {
      int port = downstream.port();

      downstream.start();

      assertThat(downstream.port()).isEqualTo(port);
    }
  }

  @Test
  void aStoppedDownstreamHasNoAddress() {
    FlakyDownstream downstream = FlakyDownstream.builder().build();

    assertThatThrownBy(downstream::baseUri)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("flaky downstream is not running; call start() first");
  }

  @Test
  void aTakenPortFailsTheStartNamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      FlakyDownstream downstream = FlakyDownstream.builder().port(taken.getLocalPort()).build();

      assertThatThrownBy(downstream::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("flaky downstream cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasCauseInstanceOf(IOException.class);
    }
  }

  @Test
  void theBuilderRejectsInvalidLimitsNamingThem() {
    assertThatThrownBy(() -> FlakyDownstream.builder().port(70_000))
        .hasMessage("port must be between 0 and 65535 but was 70000");
    assertThatThrownBy(() -> FlakyDownstream.builder().maxTrackedRequestIds(0))
        .hasMessage("maxTrackedRequestIds must be >= 1 but was 0");
  }

  private static List<String> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .collect(Collectors.toList());
  }
}
