package io.backon.spring.boot.autoconfigure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import io.backon.spring.boot.autoconfigure.http.LoopbackServer.Answer;
import io.backon.spring.boot.autoconfigure.metrics.BackonMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Spring Boot's own HTTP client settings ({@code spring.http.clients.*}, Boot 4.1's names) under
 * Backon, with the {@code RestClient.Builder} Boot auto-configures on Apache HttpClient 5: a read
 * timeout shorter than the attempt timeout fails each attempt as an I/O failure (retried, counted
 * {@code io_error}; the opposite case, the attempt timeout first, is in {@link
 * CutAttemptsStopTheirRequestsTest}); a connect timeout says so in the give-up line and in the
 * caller's exception; and an interceptor of the application's {@code RestClientCustomizer} runs on
 * every attempt, Backon's being first in the chain. Real time against loopback sockets that never
 * answer or never accept; the bounds are generous.
 */
class BootHttpClientSettingsTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger retryLogger = Logger.getLogger("io.backon.retry");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @AfterEach
  void stopCapturing() {
    retryLogger.removeHandler(capture);
  }

  private ApplicationContextRunner bootClients() {
    return new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                BackonAutoConfiguration.class,
                BackonHttpAutoConfiguration.class,
                BackonMetricsAutoConfiguration.class,
                HttpClientAutoConfiguration.class,
                ImperativeHttpClientAutoConfiguration.class,
                RestClientAutoConfiguration.class))
        .withBean(MeterRegistry.class, () -> meters)
        .withPropertyValues(
            "backon.defaults.wait=none",
            "backon.defaults.max-tries=2",
            "backon.defaults.attempt-timeout=5s");
  }

  @Test
  void aReadTimeoutShorterThanTheAttemptTimeoutFailsEachAttemptAsAnIoFailure() throws Exception {
    try (HangingServer server = HangingServer.start()) {
      bootClients()
          .withPropertyValues("spring.http.clients.read-timeout=200ms")
          .run(
              context -> {
                RestClient client = context.getBean(RestClient.Builder.class).build();

                long start = System.nanoTime();
                assertThatThrownBy(
                        () -> client.get().uri(server.uri("/slow")).retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class)
                    .hasRootCauseInstanceOf(SocketTimeoutException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
                assertThat(server.requests()).isEqualTo(2);
                assertThat(
                        meters.get("backon.http.calls").tag("outcome", "io_error").timer().count())
                    .isOne();
              });
    }
  }

  @Test
  void aConnectTimeoutIsNamedInTheGiveUpLineAndInTheCallersException() throws Exception {
    retryLogger.addHandler(capture);
    try (BlackHole blackHole = BlackHole.open()) {
      bootClients()
          .withPropertyValues("spring.http.clients.connect-timeout=250ms")
          .run(
              context -> {
                RestClient client = context.getBean(RestClient.Builder.class).build();

                assertThatThrownBy(
                        () ->
                            client.get().uri(blackHole.uri("/quote")).retrieve().body(String.class))
                    .isInstanceOf(ResourceAccessException.class)
                    .hasMessageContaining("Connect timed out");
              });
    }

    assertThat(lines)
        .filteredOn(line -> line.startsWith("Giving up on GET 127.0.0.1:"))
        .singleElement()
        .asString()
        .contains("after 2 attempts", "ConnectTimeoutException", "Connect timed out");
  }

  @Test
  void anInterceptorOfTheApplicationsRestClientCustomizerRunsOnEveryAttempt() {
    AtomicInteger intercepted = new AtomicInteger();
    try (LoopbackServer server = LoopbackServer.start()) {
      server.script("/quote", Answer.of(503), Answer.of(200));
      bootClients()
          .withBean(
              RestClientCustomizer.class,
              () ->
                  builder ->
                      builder.requestInterceptor(
                          (request, body, execution) -> {
                            request
                                .getHeaders()
                                .set("X-Request", "" + intercepted.incrementAndGet());
                            return execution.execute(request, body);
                          }))
          .run(
              context -> {
                RestClient client = context.getBean(RestClient.Builder.class).build();

                assertThat(client.get().uri(server.uri("/quote")).retrieve().body(String.class))
                    .isEqualTo("status 200");
                assertThat(server.seen())
                    .extracting(seen -> seen.headers().get("X-request"))
                    .containsExactly(List.of("1"), List.of("2"));
              });
    }
  }

  /**
   * A loopback port that never accepts: its accept queue is full, so a connection attempt waits for
   * the client's connect timeout (the kernel drops the handshake instead of refusing it).
   */
  private static final class BlackHole implements AutoCloseable {

    private final ServerSocket socket;
    private final List<Socket> queued = new ArrayList<>();

    private BlackHole(ServerSocket socket) {
      this.socket = socket;
    }

    static BlackHole open() throws IOException {
      BlackHole hole = new BlackHole(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      for (int i = 0; i < 16; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), hole.socket.getLocalPort()),
              200);
          hole.queued.add(filler);
        } catch (SocketTimeoutException full) {
          filler.close();
          return hole;
        }
      }
      hole.close();
      throw new IllegalStateException("the accept queue never filled up");
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    @Override
    public void close() throws IOException {
      for (Socket filler : queued) {
        filler.close();
      }
      socket.close();
    }
  }
}
