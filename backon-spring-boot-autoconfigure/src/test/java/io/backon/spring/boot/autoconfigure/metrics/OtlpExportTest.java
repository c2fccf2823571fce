package io.backon.spring.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.backon.spring.boot.autoconfigure.BackonAutoConfiguration;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * With micrometer-registry-otlp, Backon's meters are pushed to an OTLP endpoint (a local fake
 * collector).
 */
class OtlpExportTest {

  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer collector;

  @BeforeEach
  void startCollector() throws IOException {
    collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    collector.createContext(
        "/v1/metrics",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
  }

  @AfterEach
  void stopCollector() {
    collector.stop(0);
  }

  @Test
  void backonMetersArePushedOverOtlp() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                OtlpMetricsExportAutoConfiguration.class,
                BackonAutoConfiguration.class,
                BackonMetricsAutoConfiguration.class))
        .withUserConfiguration(BackonMetricsAutoConfigurationTest.Client.Config.class)
        .withPropertyValues(
            "backon.policies.payments.wait=none",
            "management.otlp.metrics.export.enabled=true", // off for the module's other tests
            "management.otlp.metrics.export.url=http://127.0.0.1:"
                + collector.getAddress().getPort()
                + "/v1/metrics",
            "management.otlp.metrics.export.step=1s")
        .run(
            context -> {
              BackonMetricsAutoConfigurationTest.Client client =
                  context.getBean(BackonMetricsAutoConfigurationTest.Client.class);
              client.failFirst(1);
              client.call();

              await()
                  .atMost(Duration.ofSeconds(30))
                  .untilAsserted(
                      () ->
                          assertThat(String.join("\n", received))
                              .contains("backon.calls")
                              .contains("backon.attempts")
                              .contains("success_with_retry")
                              .contains("payments"));
            });
  }
}
